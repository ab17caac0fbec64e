# shellcheck shell=bash
# Sourced by demo/run.sh: the 2022 amendment round, told with akkoord commands.
# Needs: $REPO (a repository with version 2019), $TEXTS (texts/maak020), `akkoord` on PATH,
# and run.sh's helpers step() and run().
#
# The story (see ../shared/seed/): at the network meeting of 23 June 2022 the network asked for an
# "actualisering" of the existing akkoord, not a new one. Three members draft amendments: two in an
# editor, as edited copies of akkoord.xml, one in Word (an exported .docx with tracked changes and a
# comment); the secretariat and the gemeente decide; version 2023
# consolidates the accepted ones, and every changed clause can say where its words came from.

SECRETARIAAT="Secretariaat Ma.ak020 <secretariaat@maak020.example>"
GEMEENTE="Gemeente Amsterdam, programma Democratisering <democratisering@gemeente.example>"
BRON="netwerkbijeenkomst 23 juni 2022"

step "Na de netwerkbijeenkomst van 23 juni 2022: drie amendementen / three amendments are proposed"
echo "Twee opstellers bewerkten een kopie van akkoord.xml; akkoord leidt de wijzigingen per artikel af ten opzichte van versie 2019."
printf '$ akkoord -C %s amend propose --from-file %s --title ... --by ... --source ...\n' "$REPO" "$TEXTS/amendments/meer-routes.xml"
ROUTES=$(akkoord -C "$REPO" amend propose --from-file "$TEXTS/amendments/meer-routes.xml" \
  --title "Meer routes naar uitvoering dan alleen Ma.akbanken" \
  --by "Noor Haddou <noor.haddou@netwerk.example>" --co-proposer "Pieter Smit <pieter.smit@netwerk.example>" \
  --source "$BRON" --date 2022-07-04 \
  --rationale "Het netwerk wil naast de Ma.akbanken andere routes voor de uitvoering van het akkoord doorontwikkelen.

Bestaande instrumenten eerst beter inzetbaar maken, voordat er nieuwe worden bedacht.")
printf '$ akkoord -C %s amend propose --from-file %s --title ... --by ... --source ...\n' "$REPO" "$TEXTS/amendments/informele-netwerken.xml"
NETWERKEN=$(akkoord -C "$REPO" amend propose --from-file "$TEXTS/amendments/informele-netwerken.xml" \
  --title "Informele netwerken betrekken bij de masterplannen" \
  --by "Joris Meijer <joris.meijer@netwerk.example>" --source "$BRON" --date 2022-07-06 \
  --rationale "Masterplanallianties zijn nog te veel van bovenaf georganiseerd. Ontsluit de informele netwerken en sleutelfiguren in wijken, buurten en gemeenschappen.")
echo
echo "Fenna schrijft in Word: zij exporteert versie 2019, bewerkt artikel 45 met Wijzigingen bijhouden aan en legt"
echo "in een opmerking uit waarom (hier doet een script de bewerkingen zoals Word ze schrijft: demo/zichtbaarheid-resultaten.word-edits.json)."
run akkoord -C "$REPO" export docx 2019 -o "$DEMO/ma-ak020-2019.docx"
python3 demo/docx_edit.py "$DEMO/ma-ak020-2019.docx" "$DEMO/voorstel-zichtbaarheid.docx" demo/zichtbaarheid-resultaten.word-edits.json
printf '$ akkoord -C %s amend propose --from-file %s --title ... --by ... --source ...\n' "$REPO" "$DEMO/voorstel-zichtbaarheid.docx"
ZICHTBAAR=$(akkoord -C "$REPO" amend propose --from-file "$DEMO/voorstel-zichtbaarheid.docx" \
  --title "Resultaten van de Ma.akbanken zichtbaar maken" \
  --by "Fenna de Boer <fenna.deboer@netwerk.example>" --source "$BRON" --date 2022-07-08)
echo "kenmerken: $ROUTES $NETWERKEN $ZICHTBAAR"

step "De lijst van amendementen / the amendments under review"
run akkoord -C "$REPO" amend list
run akkoord -C "$REPO" amend show "$ROUTES" --no-color
echo "Dezelfde vergelijking voor wie in een browser of in Word leest (bijgehouden wijzigingen op naam van de indieners):"
run akkoord -C "$REPO" amend show "$ROUTES" --format html -o "$DEMO/amendement-meer-routes.html"
run akkoord -C "$REPO" amend show "$ROUTES" --format docx -o "$DEMO/amendement-meer-routes.docx"

step "Besluiten: twee aangenomen, één verworpen (elk besluit een commit op naam van wie besluit, ondertekend met de beheerderssleutel van het secretariaat) / decisions"
run akkoord -C "$REPO" amend accept "$ROUTES" --by "$SECRETARIAAT" --date 2022-09-27 \
  --reason "aangenomen op de netwerkbijeenkomst van september 2022" --key "$DEMO/keys/secretariaat"
run akkoord -C "$REPO" amend accept "$ZICHTBAAR" --by "$GEMEENTE" --date 2022-09-27 \
  --reason "aangenomen op de netwerkbijeenkomst van september 2022" --key "$DEMO/keys/secretariaat"
run akkoord -C "$REPO" amend reject "$NETWERKEN" --by "$SECRETARIAAT" --date 2022-09-27 \
  --reason "Neem hier tijd voor: eerst samen met bewoners verkennen hoe informele netwerken te bereiken zijn" \
  --key "$DEMO/keys/secretariaat"
run akkoord -C "$REPO" amend list

step "Versie 2023: de actualisering / version 2023 consolidates the accepted amendments"
run akkoord -C "$REPO" version create 2023 -m "Geactualiseerd na de netwerkbijeenkomst van 23 juni 2022" \
  --date 2023-03-01 --key "$DEMO/keys/secretariaat" --by "$SECRETARIAAT"
run akkoord -C "$REPO" log

step "Een vervalst besluit / a forged acceptance is caught (in a scratch copy)"
echo "Iemand met schrijfrechten maakt met gewone git van de verwerping van $NETWERKEN een aanneming:"
rm -rf "$DEMO/vervalst-besluit"
git clone -q "$REPO" "$DEMO/vervalst-besluit"
REJECTED=$(git -C "$DEMO/vervalst-besluit" ls-files "amendments/$NETWERKEN/events/*-rejected-*.xml")
FORGED="${REJECTED/-rejected-/-accepted-}"
sed 's/status="rejected"/status="accepted"/' "$DEMO/vervalst-besluit/$REJECTED" >"$DEMO/vervalst-besluit/$FORGED"
git -C "$DEMO/vervalst-besluit" add amendments
git -C "$DEMO/vervalst-besluit" -c user.name=Vervalser -c user.email=vervalser@example.invalid \
  commit -q -m "Informele netwerken toch aangenomen"
run akkoord -C "$DEMO/vervalst-besluit" amend list
run akkoord -C "$DEMO/vervalst-besluit" verify || true
run akkoord -C "$DEMO/vervalst-besluit" version create 2024 --key "$DEMO/keys/secretariaat" --by "$SECRETARIAAT" || true

step "Wat is er veranderd? / redline of 2019 against 2023"
run akkoord -C "$REPO" redline 2019 2023 --no-color

step "Waar komt dit artikel vandaan? / provenance of a changed clause"
run akkoord -C "$REPO" blame --clause ma-akbanken
run akkoord -C "$REPO" history --clause resultaten-delen --no-color
