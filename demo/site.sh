# shellcheck shell=bash
# Sourced by demo/run.sh at the end of the story: the review site for reviewers and signatories.
# Needs: $REPO (the story's repository), $DEMO (the output folder), `akkoord` on PATH, and run.sh's
# helpers step() and run().
#
# By 2026 the akkoord's term ("tot en met 2025") has run out: two network members propose, each in
# their own words, to extend it. Both change clause 46 (looptijd), so the site's collision view shows
# them side by side before anyone decides. Then the site is built into demo-out/site.

step "Twee voorstellen voor dezelfde looptijd / two open amendments change the same clause"
for until in 2030 2029; do
  git -C "$REPO" show HEAD:akkoord.xml \
    | sed "s/blijft in elk geval van kracht tot en met 2025\./blijft in elk geval van kracht tot en met $until./" \
    > "$DEMO/looptijd-$until.xml"
done
run akkoord -C "$REPO" amend propose --from-file "$DEMO/looptijd-2030.xml" \
  --title "Looptijd verlengen tot en met 2030" --by "Noor Haddou <noor.haddou@netwerk.example>" \
  --rationale "Het akkoord liep tot en met 2025. Verleng het tot het einde van de bestuursperiode van het zittende college." \
  --source "netwerkbijeenkomst 2 oktober 2026" --date 2026-10-05
run akkoord -C "$REPO" amend propose --from-file "$DEMO/looptijd-2029.xml" \
  --title "Looptijd verlengen tot en met 2029" --by "Pieter Smit <pieter.smit@netwerk.example>" \
  --rationale "Verleng het akkoord, maar evalueer het een jaar voor de verkiezingen, zodat een nieuw college een geactualiseerde tekst aantreft." \
  --source "netwerkbijeenkomst 2 oktober 2026" --date 2026-10-06
run akkoord -C "$REPO" amend list

step "De leesomgeving: gewone bestanden, voor elke browser en elke statische webserver / the review site"
run akkoord -C "$REPO" site "$DEMO/site"
echo "Open $DEMO/site/index.html in een browser (file:// werkt), of publiceer de map zoals hij is."
echo "Opnieuw bouwen herschrijft alleen de pagina's waarvan de inhoud veranderde:"
run akkoord -C "$REPO" site "$DEMO/site"
