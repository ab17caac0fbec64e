"""Messages of the document model: reading files, parsing XML, dates, finding clauses."""

MESSAGES = {
    "model.clause_unknown_close": {
        "nl": "artikel {query!r} staat niet in {where}; bedoelde u {close}? (alle artikelen: `akkoord show {where} --toc`)",
        "en": "clause {query!r} is not in {where}; did you mean {close}? (every clause: `akkoord show {where} --toc`)",
    },
    "model.clause_unknown": {
        "nl": "artikel {query!r} staat niet in {where}; zie alle artikelen met `akkoord show {where} --toc`",
        "en": "clause {query!r} is not in {where}; list every clause with `akkoord show {where} --toc`",
    },
    "model.clause_ambiguous": {
        "nl": "{query!r} past bij meer dan één artikel in {where}: {found}; geef het id",
        "en": "{query!r} matches more than one clause in {where}: {found}; give the id",
    },
}
