#!/usr/bin/env bash
# The akkoordvc demo on the embedded sample text (texts/maak020): `make demo` runs it.
# It builds a fresh repository in demo-out/, tells the story of the 2019 agreement, the 2022
# amendment round and the endorsements that follow, and writes the HTML and DOCX redlines.
set -euo pipefail
cd "$(dirname "$0")/.."

TEXTS="$PWD/texts/maak020"
DEMO="$PWD/demo-out"
REPO="$DEMO/maak020"
rm -rf "$DEMO"
mkdir -p "$DEMO/keys"

# shellcheck source=demo/echo.sh
source demo/echo.sh

step "De beheerderssleutel van het secretariaat (wijzigingen in het register worden ermee ondertekend) / the admin key"
ssh-keygen -q -t ed25519 -N '' -C "secretariaat@maak020.example" -f "$DEMO/keys/secretariaat"
echo "$DEMO/keys/secretariaat.pub"

step "Begin de repository met de tekst van 2019 / start from the 2019 text"
run akkoord init "$REPO" --from "$TEXTS/akkoord.xml" --by "Secretariaat Ma.ak020 <secretariaat@maak020.example>" \
  --admin-key "$DEMO/keys/secretariaat.pub" --date 2019-11-09
run akkoord -C "$REPO" validate "$REPO/akkoord.xml"
run akkoord -C "$REPO" version create 2019 -m "Op hoofdlijnen ondertekend op 9 november 2019" \
  --key "$DEMO/keys/secretariaat" --date 2019-11-09 --by "Secretariaat Ma.ak020 <secretariaat@maak020.example>"
run akkoord -C "$REPO" log
run akkoord -C "$REPO" show 2019 --clause looptijd

if [ -f demo/amendments.sh ]; then
  # shellcheck source=demo/amendments.sh
  source demo/amendments.sh
fi

if akkoord -C "$REPO" log --json | grep -q '"label": "2023"'; then
  step "Vergelijkingen van 2019 met 2023 voor lezers: een webpagina en een Word-document met bijgehouden wijzigingen / redlines"
  run akkoord -C "$REPO" redline 2019 2023 --format html -o "$DEMO/redline-2019-2023.html"
  run akkoord -C "$REPO" redline 2019 2023 --format html --side-by-side -o "$DEMO/redline-2019-2023-naast-elkaar.html"
  run akkoord -C "$REPO" redline 2019 2023 --format docx -o "$DEMO/redline-2019-2023.docx" --author "Secretariaat Ma.ak020"
  ls -l "$DEMO"/redline-*
fi

if [ -f demo/endorsements.sh ]; then
  # shellcheck source=demo/endorsements.sh
  source demo/endorsements.sh
fi

if [ -f demo/site.sh ]; then
  # shellcheck source=demo/site.sh
  source demo/site.sh
fi

step "Klaar. De repository staat in $REPO; lees haar ook met gewone git / done"
run git -C "$REPO" tag -l 'version/*'
run git -C "$REPO" log --format='%h %ad %an: %s' --date=short -n 8
