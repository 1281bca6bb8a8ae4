"""Password strength: an estimate of the guesses (zxcvbn with German words and the German
keyboard), not composition rules; the message says why and what would do."""

from __future__ import annotations

from pathlib import Path

import pytest

from kim_desktop.core.errors import PasswordPolicyError
from kim_desktop.core.passwords import check_password_policy, required_length
from kim_desktop.core.vault import Vault

ADVICE = "vier oder mehr Wörtern"


@pytest.mark.parametrize(("password", "why"), [
    ("Passwort1234", "häufiges Passwort"),
    ("password1234", "häufiges Passwort"),
    ("qwertzuiop12", "Tastenfolge"),
    ("Sommer2024!!", "Wort + Jahreszahl"),
    ("Ichliebedich1", "bekannter Spruch"),
    ("Fussball2024", "Wort + Jahreszahl"),
    ("der die das und", "zu häufigen Wörtern"),
    ("abcdefghijklmnop", "Folge"),
    ("aaaaaaaaaaaaaaa", "wiederholt"),
    ("19.05.1987 Bonn", "Jahreszahlen"),
    ("Anna Beispiel 1!", "Benutzernamen"),
])
def test_common_and_german_passwords_are_refused_saying_why(password: str, why: str) -> None:
    with pytest.raises(PasswordPolicyError) as refused:
        check_password_policy(password, user="Anna Beispiel")
    message = str(refused.value)
    assert "zu schnell erraten" in message and why in message and ADVICE in message


@pytest.mark.parametrize("password", [
    "Sommerferien2024", "Hannover1996!", "2019Wintergarten", "Sommer-Ferien 2024!",
])
def test_a_word_with_a_year_is_refused_as_such_and_told_what_would_do(password: str) -> None:
    with pytest.raises(PasswordPolicyError) as refused:
        check_password_policy(password, user="Anna Beispiel")
    message = str(refused.value)
    assert "Wort + Jahreszahl" in message and ADVICE in message
    assert "Folge wie" not in message


@pytest.mark.parametrize("password", [
    "RathausLübbecke12", "Hüllhorst Stemwede 7", "KIMMinden2024", "Integration Kreis 2024",
])
def test_the_programs_and_the_kreises_words_are_refused_as_such(password: str) -> None:
    with pytest.raises(PasswordPolicyError) as refused:
        check_password_policy(password, user="Anna Beispiel")
    message = str(refused.value)
    assert "wo das Programm läuft" in message and ADVICE in message


def test_the_provisioned_office_name_counts_as_a_guess(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    password = "Nordwalder Beratungsbüro 77"
    check_password_policy(password, user="Anna Beispiel")
    provisioning = tmp_path / "provisioning.toml"
    provisioning.write_text('[office]\nname = "Nordwalder Beratungsbüro"\n'
                            'municipality = "Rahden"\n', encoding="utf-8")
    monkeypatch.setenv("KIM_PROVISIONING", str(provisioning))
    with pytest.raises(PasswordPolicyError) as refused:
        check_password_policy(password, user="Anna Beispiel")
    assert "Name des Büros" in str(refused.value)


@pytest.mark.parametrize("password", ["äölkjhgfdsa#", "asdfghjklöä1", "Ölkjhgfdsa-99"])
def test_rows_of_the_german_keyboard_with_umlauts_are_keyboard_runs(password: str) -> None:
    with pytest.raises(PasswordPolicyError) as refused:
        check_password_policy(password, user="Anna Beispiel")
    assert "Tastenfolge" in str(refused.value)


@pytest.mark.parametrize("invisible", ["\u200b", "\u200d", "\u202e", "\u2066", "\t", "\u00ad"])
def test_invisible_and_control_characters_are_refused(invisible: str) -> None:
    with pytest.raises(PasswordPolicyError) as refused:
        check_password_policy(f"Kaffee morgens{invisible} im Rathaus Minden", user="anna")
    assert "unsichtbare Zeichen" in str(refused.value)


def test_the_password_is_judged_in_its_normalised_form() -> None:
    with pytest.raises(PasswordPolicyError) as refused:
        check_password_policy("Ｐａｓｓｗｏｒｔ１２３４", user="anna")  # full-width letters
    assert "häufiges Passwort" in str(refused.value)


@pytest.mark.parametrize("password", [
    "Kaffee morgens im Rathaus Minden", "Zebra tanzt im Mondlicht", "Gx7!pQ2#vL9m",
    "Tee nachmittags im Stadthaus", "Xkqzvbwplmtr2024",
])
def test_unusual_passphrases_and_random_passwords_pass(password: str) -> None:
    check_password_policy(password, user="Anna Beispiel")


def test_provisioning_can_require_longer_passphrases(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    strong = "Zebra tanzt im Mondlicht"  # 24 characters
    assert required_length() == 12
    provisioning = tmp_path / "provisioning.toml"
    provisioning.write_text('[office]\nname = "KIM Rahden"\nmunicipality = "Rahden"\n\n'
                            "[settings]\npassword_min_length = 25\n", encoding="utf-8")
    monkeypatch.setenv("KIM_PROVISIONING", str(provisioning))
    assert required_length() == 25
    with pytest.raises(PasswordPolicyError) as refused:
        Vault.create(tmp_path / "vault", admin="anna", password=strong)
    assert "mindestens 25 Zeichen" in str(refused.value)
    assert not (tmp_path / "vault").exists()
    check_password_policy(strong + " und Sterne", user="anna")


@pytest.mark.parametrize("password", [
    # Taken on main: zxcvbn scores four frequent words as four random ones.
    "Ich liebe dich sehr", "Alles Gute zum Geburtstag", "Alle meine Entchen",
    "Das Leben ist schön", "Vater unser im Himmel", "Mein Name ist Hase",
    "Ende gut alles gut", "Ein Hoch auf uns", "Einigkeit und Recht und Freiheit",
    "Der frühe Vogel fängt den Wurm", "Atemlos durch die Nacht", "Stille Nacht heilige Nacht",
    "Ich liebe meine Kinder", "May the force be with you",
    # Case, umlauts, spaces and punctuation do not count; digits or marks around it neither.
    "ICH, liebe dich – sehr!", "DerFrueheVogelFaengtDenWurm", "Alle meine Entchen 2024!",
    # The beginning of a longer line.
    "Alle meine Entchen schwimmen auf",
])
def test_well_known_phrases_are_refused_as_such(password: str) -> None:
    with pytest.raises(PasswordPolicyError) as refused:
        check_password_policy(password, user="Anna Beispiel")
    message = str(refused.value)
    assert "bekannter Spruch" in message and ADVICE in message


@pytest.mark.parametrize("password", [
    "Ich liebe dich, Rotkohl und Kanalbrücken", "Entchen parken quer am Stadthaus",
])
def test_a_phrase_inside_an_unusual_sentence_passes(password: str) -> None:
    check_password_policy(password, user="Anna Beispiel")
