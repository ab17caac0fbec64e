"""The only module that knows the element and attribute names of the akkoord vocabulary.

Everything else asks here, so a rename of the schema touches one file. The vocabulary is
described in `schemas/akkoord.xsd`; this module mirrors it as constants and groups.
"""

AGREEMENT = "agreement"
META = "meta"
TITLE = "title"
SHORT_TITLE = "short-title"
DATE = "date"
PROPERTY = "property"
PREAMBLE = "preamble"
BODY = "body"
DIVISION = "division"
CLAUSE = "clause"
HEADING = "heading"
ORIGIN = "origin"
PARA = "para"
P = "p"
LIST = "list"
ITEM = "item"
TABLE = "table"
ROW = "row"
CELL = "cell"

# inline elements (mixed content)
EM = "em"
STRONG = "strong"
U = "u"
SUP = "sup"
SUB = "sub"
REF = "ref"
INLINE = frozenset({EM, STRONG, U, SUP, SUB, REF})

# attributes
ID = "id"
LANG = "lang"
NUM = "num"
KIND = "kind"
NAME = "name"
VALUE = "value"
HREF = "href"

DIVISION_KINDS = ("part", "chapter", "title", "section", "paragraph", "subsection", "annex")

# Elements whose content is a line of inline text; everything else holds only elements.
INLINE_CONTAINERS = frozenset({TITLE, SHORT_TITLE, HEADING, P, CELL, PROPERTY})
# Elements that hold only elements (whitespace between them is not content).
BLOCKS = frozenset({AGREEMENT, META, PREAMBLE, BODY, DIVISION, CLAUSE, ORIGIN, PARA, LIST, ITEM, TABLE, ROW})
EMPTY = frozenset({DATE})

# Canonical attribute order per element; attributes not listed follow in alphabetical order.
ATTRIBUTE_ORDER = (ID, KIND, NUM, NAME, VALUE, LANG, HREF)
