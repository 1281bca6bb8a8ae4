#!/usr/bin/env bash
# Builds the KIM Desktop bundle (PyInstaller, one folder) and packs it into a .deb.
#
#   installer/build_deb.sh [--out DIR] [--skip-bundle]
#
# PYTHON names the interpreter to build with (default: .venv/bin/python, made by ./dev); the
# script first brings it to the locked versions of requirements/desktop.txt, checked by hash,
# so the bundle holds exactly those. The package installs:
#   /opt/kim-desktop/                the bundle
#   /usr/bin/kim-desktop             a link to it
#   /usr/share/applications/...      the menu entry, and the icon
#   /etc/kim-desktop/                where IT puts provisioning.toml (see docs/it-guide.md)
# It prints the path of the .deb as its last line.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PYTHON=${PYTHON:-$ROOT/.venv/bin/python}
OUT=$ROOT/build
SKIP_BUNDLE=0
while [ $# -gt 0 ]; do
  case "$1" in
    --out) OUT=$(realpath -m "$2"); shift 2 ;;
    --skip-bundle) SKIP_BUNDLE=1; shift ;;
    *) echo "Aufruf: installer/build_deb.sh [--out DIR] [--skip-bundle]" >&2; exit 2 ;;
  esac
done

VERSION=$("$PYTHON" -c 'import kim_desktop; print(kim_desktop.__version__)')
ARCH=$(dpkg --print-architecture)
BUNDLE=$OUT/dist/kim-desktop
if [ "$SKIP_BUNDLE" = 0 ] || [ ! -x "$BUNDLE/kim-desktop" ]; then
  "$PYTHON" -m pip install --quiet --require-hashes -r requirements/desktop.txt >&2
  # The interface's translations (.qm) are built from resources/translations/*.ts.
  QT_QPA_PLATFORM=offscreen "$PYTHON" -m kim_desktop.ui.i18n >&2
  "$PYTHON" -m PyInstaller --noconfirm --log-level ERROR \
    --distpath "$OUT/dist" --workpath "$OUT/pyinstaller" installer/kim-desktop.spec >&2
fi

STAGE=$OUT/deb/kim-desktop_${VERSION}_${ARCH}
rm -rf "$STAGE"
install -d "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/etc/kim-desktop" \
  "$STAGE/usr/share/applications" "$STAGE/usr/share/icons/hicolor/scalable/apps" \
  "$STAGE/usr/share/doc/kim-desktop"
cp -a "$BUNDLE" "$STAGE/opt/kim-desktop"
ln -s /opt/kim-desktop/kim-desktop "$STAGE/usr/bin/kim-desktop"
install -m 644 installer/linux/kim-desktop.desktop "$STAGE/usr/share/applications/"
install -m 644 installer/linux/kim-desktop.svg "$STAGE/usr/share/icons/hicolor/scalable/apps/"
install -m 644 installer/provisioning.example.toml "$STAGE/usr/share/doc/kim-desktop/"
install -m 755 installer/linux/postinst installer/linux/postrm "$STAGE/DEBIAN/"

INSTALLED_KB=$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)
# Without them Qt's xcb platform does not load on a real X display: dependencies, not
# recommendations.
XCB_DEPENDS=$(grep -v '^#' installer/linux/qt-xcb-packages | paste -sd, - | sed 's/,/, /g')
cat > "$STAGE/DEBIAN/control" <<EOF
Package: kim-desktop
Version: $VERSION
Architecture: $ARCH
Maintainer: KIM Desktop <kim-desktop@example.invalid>
Installed-Size: $INSTALLED_KB
Depends: libc6 (>= 2.31), libdbus-1-3, libegl1, libfontconfig1, libgl1, libglib2.0-0, libxkbcommon0, $XCB_DEPENDS
Section: misc
Priority: optional
Homepage: https://example.invalid/kim-desktop
Description: Fallmanagement im Kommunalen Integrationsmanagement (KIM)
 KIM Desktop ist das Fallmanagement-Programm für das Kommunale
 Integrationsmanagement in Nordrhein-Westfalen: offline, verschlüsselt
 (SQLCipher), mit Ende-zu-Ende-verschlüsseltem Abgleich.
EOF

DEB=$OUT/kim-desktop_${VERSION}_${ARCH}.deb
# zstd packs the 200 MB bundle several times faster than xz at nearly the same size;
# dpkg reads it since 1.21.18 (Debian 12, Ubuntu 21.10).
dpkg-deb --root-owner-group -Zzstd -z9 --build "$STAGE" "$DEB" >&2
echo "$DEB"
