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
SUBHEADING = "subheading"
ORIGIN = "origin"
PARA = "para"
P = "p"
LIST = "list"
ITEM = "item"
TABLE = "table"
ROW = "row"
CELL = "cell"
FIGURE = "figure"

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
SRC = "src"
WIDTH = "width"
HEIGHT = "height"

DIVISION_KINDS = ("part", "chapter", "title", "section", "paragraph", "subsection", "annex", "treaty")

#: What a clause is (its `kind` attribute; absent means "article"). Only an article is called
#: "Artikel"; the others are named by their `num` as it stands ("Tabel I", "Slotformulier").
ARTICLE = "article"
CLAUSE_KINDS = (ARTICLE, "annex", "closing", "text")

# Blocks of running content (clause, para, item, preamble, a division's own text).
BLOCK_CONTENT = frozenset({P, LIST, TABLE, FIGURE})

# Elements whose content is a line of inline text; everything else holds only elements.
INLINE_CONTAINERS = frozenset({TITLE, SHORT_TITLE, HEADING, SUBHEADING, P, CELL, PROPERTY})
# Elements that hold only elements (whitespace between them is not content).
BLOCKS = frozenset({AGREEMENT, META, PREAMBLE, BODY, DIVISION, CLAUSE, ORIGIN, PARA, LIST, ITEM, TABLE, ROW})
EMPTY = frozenset({DATE, FIGURE})

# Canonical attribute order per element; attributes not listed follow in alphabetical order.
ATTRIBUTE_ORDER = (ID, KIND, NUM, NAME, VALUE, LANG, HREF, SRC, WIDTH, HEIGHT)
