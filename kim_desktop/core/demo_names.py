"""Name parts and origin profiles for synthetic demo people.

Names are put together from syllables and name parts, so the demo never holds a real
person. Each origin profile ties names to plausible nationalities, languages and residence
statuses, with weights for how often each occurs in the demo.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Origin:
    weight: int
    countries: tuple[str, ...]
    languages: tuple[str, ...]
    female_heads: tuple[str, ...]
    female_tails: tuple[str, ...]
    male_heads: tuple[str, ...]
    male_tails: tuple[str, ...]
    #: Whole given names in several transliterations, to exercise tolerant search.
    given_names: tuple[str, ...]
    surname_heads: tuple[str, ...]
    surname_tails: tuple[str, ...]
    surname_prefix: tuple[str, ...]
    statuses: tuple[tuple[str, int], ...]


ORIGINS: tuple[Origin, ...] = (
    Origin(  # Arabic-speaking (Syria, Iraq, Lebanon)
        26, ("SY", "IQ", "LB", "PS"), ("ar", "kmr"),
        ("Ay", "Fa", "Ra", "Na", "Ha", "Le", "Sa", "Ya", "Ma", "Za"),
        ("scha", "tima", "nia", "dia", "la", "sna", "ra", "mira", "ween", "yla"),
        ("Kha", "Ma", "Sa", "Ha", "Ya", "Om", "Ka", "Na", "Ta", "Wa"),
        ("lid", "hmud", "mir", "ssan", "sin", "ar", "rim", "bil", "rek", "el"),
        ("Mohammed", "Muhammad", "Mohamed", "Ahmad", "Ahmed", "Youssef", "Yusuf", "Fatima"),
        ("Had", "Kha", "Nas", "Sha", "Ibra", "Mans", "Sal", "Dar", "Ham", "Ra"),
        ("dad", "tib", "ser", "ami", "him", "our", "eh", "wish", "dan", "shid"),
        ("", "", "Al-", "El-", "Abu "),
        (("rp_25_2_refugee", 30), ("rp_25_2_subsidiary", 25), ("settlement_26", 12),
         ("asylum_permit", 10), ("rp_25_3", 6), ("naturalised", 8), ("fiction_81_4", 5),
         ("toleration_60a", 4)),
    ),
    Origin(  # Afghanistan, Iran
        14, ("AF", "IR"), ("prs", "fa", "ps"),
        ("Zah", "Ma", "Fa", "Sha", "Pa", "Na", "Ro", "Ta"),
        ("ra", "riam", "reshta", "kiba", "rwin", "hid", "ya", "mana"),
        ("Ja", "Mo", "Fa", "Ha", "Za", "Na", "Sa", "Ra"),
        ("wid", "rteza", "rid", "mid", "her", "sir", "id", "hmatullah"),
        ("Mohammad", "Mohamad", "Ali", "Reza", "Zahra", "Sahra"),
        ("Ah", "Ha", "Ra", "Sa", "Ka", "Na", "Mo", "Ja"),
        ("madi", "idari", "himi", "fari", "rimi", "zari", "radi", "fari"),
        ("", "", ""),
        (("asylum_permit", 30), ("toleration_60a", 18), ("rp_25_3", 15),
         ("rp_25_2_subsidiary", 12), ("rp_25b", 5), ("rp_25a", 5), ("toleration_60c", 5),
         ("toleration_60d", 3), ("rp_104c", 7)),
    ),
    Origin(  # Turkey, Kurdish
        12, ("TR",), ("tr", "kmr"),
        ("Ay", "El", "Ze", "Me", "Gü", "Ha", "Se", "Bü"),
        ("şe", "if", "ynep", "lek", "lsüm", "tice", "vgi", "şra"),
        ("Meh", "Mus", "Ha", "Em", "Bu", "Yu", "Ke", "Se"),
        ("met", "tafa", "san", "re", "rak", "suf", "rem", "lim"),
        ("Mehmet", "Muhammet", "Ömer", "Özlem", "Emre"),
        ("Yıl", "Öz", "Kaya", "Çe", "Ak", "Demi", "Şa", "Ar"),
        ("maz", "türk", "lık", "lik", "taş", "rel", "hin", "slan"),
        ("", ""),
        (("settlement_9", 25), ("rp_30", 20), ("naturalised", 20), ("rp_18a", 8),
         ("asylum_permit", 12), ("rp_25_2_refugee", 10), ("unknown", 5)),
    ),
    Origin(  # Ukraine, Russia
        18, ("UA", "RU"), ("uk", "ru"),
        ("Ole", "Ta", "Na", "Iri", "Ka", "Svi", "Yu", "Ma"),
        ("na", "tjana", "talija", "rina", "teryna", "tlana", "lija", "rija"),
        ("Ole", "Ser", "Dmy", "Ana", "Vik", "Ivan", "Pav", "Mak"),
        ("ksandr", "hij", "tro", "tolij", "tor", "", "lo", "sym"),
        ("Oleksandr", "Aleksandr", "Alexander", "Yuliia", "Julija"),
        ("Kov", "Shev", "Bon", "Tkach", "Kra", "Mel", "Pol", "Lys"),
        ("alenko", "chenko", "darenko", "uk", "vets", "nyk", "ishchuk", "enko"),
        ("",),
        (("rp_24", 80), ("fiction_81_3", 8), ("rp_18b", 4), ("settlement_9", 3),
         ("rp_16a", 5)),
    ),
    Origin(  # Western Balkans
        8, ("XK", "AL", "RS", "MK", "BA"), ("sq", "sr", "bs", "mk", "rom"),
        ("Ar", "Ble", "Dri", "Ve", "Mi", "Je", "Ma", "Al"),
        ("ta", "rta", "tana", "sna", "lena", "lena", "rija", "bana"),
        ("Ar", "Be", "Dri", "Fa", "Mi", "Jo", "Ne", "Al"),
        ("ben", "sim", "tan", "tmir", "lan", "van", "nad", "bert"),
        ("Arben", "Besim", "Jovana", "Mirela"),
        ("Ber", "Kra", "Ho", "Ga", "Jo", "Pe", "Sel", "Ma"),
        ("isha", "sniqi", "xha", "shi", "vanović", "trović", "imi", "rku"),
        ("",),
        (("toleration_60a", 25), ("toleration_60d", 10), ("rp_25b", 15), ("rp_19c", 20),
         ("settlement_9", 10), ("rp_104c", 10), ("toleration_60b", 10)),
    ),
    Origin(  # Horn of Africa
        7, ("ER", "ET", "SO"), ("ti", "am", "so"),
        ("Se", "Hel", "Ye", "Mi", "Fe", "Ha", "Sa", "Le"),
        ("laam", "en", "rusalem", "hret", "ven", "wa", "ba", "mlem"),
        ("Ye", "Da", "Ha", "Ab", "Se", "Ter", "Mu", "Ke"),
        ("mane", "wit", "gos", "raham", "mere", "rfe", "se", "dane"),
        ("Abraham", "Yonas", "Jonas", "Semhar"),
        ("Ge", "Ha", "Te", "Ke", "Ab", "Ber", "Ye", "Tes"),
        ("brehiwet", "ile", "kle", "flom", "ebe", "hane", "mane", "fay"),
        ("",),
        (("rp_25_2_refugee", 45), ("rp_25_2_subsidiary", 20), ("settlement_26", 15),
         ("asylum_permit", 15), ("naturalised", 5)),
    ),
    Origin(  # Romania, Bulgaria, Poland
        9, ("RO", "BG", "PL"), ("ro", "bg", "pl"),
        ("Ma", "Ele", "Io", "Ka", "Ste", "Mag", "Da", "Ag"),
        ("ria", "na", "ana", "tarzyna", "fania", "dalena", "niela", "nieszka"),
        ("Ion", "Ge", "Pio", "Ste", "Mi", "Ni", "Da", "Ma"),
        ("ut", "orgi", "tr", "fan", "hai", "kolai", "niel", "rek"),
        ("Ioan", "Ion", "Jan", "Maria"),
        ("Po", "Ge", "Ko", "Ne", "Di", "Wi", "Ma", "Sto"),
        ("pescu", "orgiev", "walski", "delcu", "mitrov", "śniewska", "rin", "janov"),
        ("",),
        (("eu_free_movement", 85), ("eu_permanent", 15)),
    ),
    Origin(  # West Africa
        6, ("NG", "GH", "GN"), ("en", "fr", "ha", "yo", "ig"),
        ("Ade", "Chi", "Fa", "Ama", "Ngo", "Ai", "Ke", "Ife"),
        ("bola", "oma", "tou", "ra", "zi", "sha", "mi", "oma"),
        ("Chu", "Ola", "Ma", "Kwa", "Ib", "Sei", "Ade", "Ko"),
        ("kwu", "dele", "madou", "me", "rahima", "dou", "yemi", "fi"),
        ("Mamadou", "Ibrahima", "Ibrahim"),
        ("Oko", "Ba", "Dia", "Men", "Ade", "Ow", "Ca", "Kou"),
        ("nkwo", "rry", "llo", "sah", "yemi", "usu", "mara", "yate"),
        ("",),
        (("asylum_permit", 35), ("toleration_60a", 25), ("toleration_60b", 20),
         ("rp_25_5", 10), ("rp_25b", 5), ("rp_16a", 5)),
    ),
)
