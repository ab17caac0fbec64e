# shellcheck shell=bash
# Sourced by demo/run.sh after the amendment story: who endorsed which version, verifiably.
# Needs: $REPO (an agreement repository with versions 2019 and 2023, created with
# `akkoord init ... --admin-key "$DEMO/keys/secretariaat.pub"`), $DEMO (a scratch folder; the
# secretariat's private admin key is $DEMO/keys/secretariaat, ed25519 without passphrase),
# `akkoord`, git and ssh-keygen on PATH, and run.sh's helpers step() and run().
#
# "Today" is the machine's date (or AKKOORD_TODAY when set, e.g. 2026-11-27): the story needs
# it to fall within the term of the College 2026–2030 (2026-06-01 to 2030-05-31).
# The organisations are fictional; the colleges are modelled on Amsterdam's.

KEYS="$DEMO/keys"
ADMIN="$KEYS/secretariaat"
SECRETARIAAT="Secretariaat Ma.ak020 <secretariaat@maak020.example>"
for name in college-2026-2030 buurtkracht-oost energie-noord huurders-zuidoost; do
  [ -f "$KEYS/$name" ] || ssh-keygen -q -t ed25519 -N '' -C "$name (demo)" -f "$KEYS/$name"
done
# the day version 2019 was signed on paper: the version's own date, read from its tag with git alone
D2019=$(git -C "$REPO" tag -l --format='%(contents)' version/2019 | sed -n 's/^Akkoord-Date: //p')
D2019=${D2019:-2019-11-09}

step "Het register van ondertekenaars, elke wijziging ondertekend door het secretariaat / the signatory registry"
run akkoord -C "$REPO" signatory add college-2018-2022 --name "College van B&W 2018–2022" --kind college \
  --term-start 2018-06-01 --term-end 2022-05-31 --key "$ADMIN" --by "$SECRETARIAAT"
run akkoord -C "$REPO" signatory add college-2022-2026 --name "College van B&W 2022–2026" --kind college \
  --term-start 2022-06-01 --term-end 2026-05-31 --succeeds college-2018-2022 --key "$ADMIN" --by "$SECRETARIAAT"
run akkoord -C "$REPO" signatory add college-2026-2030 --name "College van B&W 2026–2030" --kind college \
  --term-start 2026-06-01 --term-end 2030-05-31 --succeeds college-2022-2026 \
  --pubkey "$KEYS/college-2026-2030.pub" --key "$ADMIN" --by "$SECRETARIAAT"
run akkoord -C "$REPO" signatory add buurtkracht-oost --name "Stichting Buurtkracht Oost" --kind organisation \
  --pubkey "$KEYS/buurtkracht-oost.pub" --key "$ADMIN" --by "$SECRETARIAAT"
run akkoord -C "$REPO" signatory add energie-noord --name "Energiecoöperatie Noord" --kind organisation \
  --pubkey "$KEYS/energie-noord.pub" --key "$ADMIN" --by "$SECRETARIAAT"
run akkoord -C "$REPO" signatory add huurders-zuidoost --name "Huurdersvereniging Zuidoost" --kind organisation \
  --pubkey "$KEYS/huurders-zuidoost.pub" --key "$ADMIN" --by "$SECRETARIAAT"
run akkoord -C "$REPO" signatory list
run akkoord -C "$REPO" signatory show college-2026-2030

step "Op papier: de handtekeningen van 2019, door het secretariaat vastgelegd als bevestigde verklaringen / signatures on paper"
echo "Een bevestigde verklaring is ondertekend met de beheerderssleutel van het secretariaat en noemt haar bewijs;"
echo "zij wordt getoond als bevestigd, nooit als de eigen handtekening van de ondertekenaar."
PAPIER="Ondertekend op papier op $D2019; scan in het archief van het secretariaat (demo)"
run akkoord -C "$REPO" attest 2019 --signatory college-2018-2022 --date "$D2019" --evidence "$PAPIER" \
  --mandate "Collegebesluit Maatschappelijk akkoord (demo)" --key "$ADMIN" --by "$SECRETARIAAT"
for org in buurtkracht-oost energie-noord huurders-zuidoost; do
  run akkoord -C "$REPO" attest 2019 --signatory "$org" --date "$D2019" --evidence "$PAPIER" \
    --key "$ADMIN" --by "$SECRETARIAAT"
done
run akkoord -C "$REPO" attest 2023 --signatory college-2022-2026 --date 2023-03-15 \
  --evidence "Collegebesluit van 14 maart 2023, gepubliceerd in het Gemeenteblad (demo)" \
  --mandate "Collegebesluit 14 maart 2023 (demo)" --key "$ADMIN" --by "$SECRETARIAAT"

step "Een nieuw college: het College 2026–2030 is aangetreden; heeft het de huidige versie ondertekend? / a new college"
run akkoord -C "$REPO" endorsements

step "De organisaties tekenen 2023 met hun eigen sleutel / organisations sign with their own keys"
run akkoord -C "$REPO" endorse 2023 --as buurtkracht-oost --key "$KEYS/buurtkracht-oost" \
  --mandate "Bestuursbesluit 12 november 2026 (demo)"
run akkoord -C "$REPO" endorse 2023 --as energie-noord --key "$KEYS/energie-noord" \
  --mandate "Ledenvergadering 20 november 2026 (demo)"
run akkoord -C "$REPO" endorse 2023 --as huurders-zuidoost --key "$KEYS/huurders-zuidoost" --decision decline \
  --comment "De nieuwe routes naar uitvoering gaan voorbij aan de huurdersraden; wij tekenen 2023 (nog) niet."
echo "Een sleutel die niet voor de ondertekenaar is geregistreerd, wordt geweigerd:"
run akkoord -C "$REPO" endorse 2023 --as college-2026-2030 --key "$KEYS/energie-noord" || true
echo "Elke verklaring is een klein canoniek JSON-bestand naast een SSH-handtekening; iedereen kan er een controleren met alleen OpenSSH:"
STATEMENT=$(git -C "$REPO" ls-files 'endorsements/huurders-zuidoost/*.json' | head -n 1)
run cat "$REPO/$STATEMENT"
echo
printf 'huurders-zuidoost namespaces="akkoordvc-endorsement-v1" %s\n' "$(cut -d' ' -f1,2 "$KEYS/huurders-zuidoost.pub")" \
  > "$DEMO/allowed_signers"
run ssh-keygen -Y verify -f "$DEMO/allowed_signers" -I huurders-zuidoost -n akkoordvc-endorsement-v1 \
  -s "$REPO/$STATEMENT.sig" < "$REPO/$STATEMENT"

step "Het zittende college besluit, met zijn eigen sleutel / the sitting college decides"
run akkoord -C "$REPO" endorse 2023 --as college-2026-2030 --key "$KEYS/college-2026-2030" \
  --mandate "Collegebesluit 24 november 2026 (demo)"

step "Vervalsen helpt niet: een vervalste wijziging valt op (in een kladkopie) / a forgery is caught"
rm -rf "$DEMO/vervalst"
git clone -q "$REPO" "$DEMO/vervalst"
sed -i 's/"decision":"decline"/"decision":"endorse"/' "$DEMO/vervalst/$STATEMENT"
git -C "$DEMO/vervalst" -c user.name=Vervalser -c user.email=vervalser@example.invalid \
  commit -q -am "Huurdersvereniging tekent toch"
run akkoord -C "$DEMO/vervalst" verify || true

step "Wie staat waar / who endorsed which version"
run akkoord -C "$REPO" endorsements
step "Wat zou de huurdersvereniging tekenen? / what changed since its last endorsement"
run akkoord -C "$REPO" since huurders-zuidoost --no-color
step "Alles klopt, vanaf de eerste vastlegging van het register (vastgepind met alleen git en sha256sum) / everything verifies"
FIRST=$(git -C "$REPO" rev-list --max-parents=0 HEAD)
ANCHOR=$(git -C "$REPO" show "$FIRST:$(git -C "$REPO" ls-tree --name-only "$FIRST" records/)" | sha256sum | cut -d' ' -f1)
run akkoord -C "$REPO" verify --trust-anchor "sha256:$ANCHOR"
