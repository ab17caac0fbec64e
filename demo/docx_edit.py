"""Editing a .docx the way Word writes its edits, for the demo's drafter and the Word tests: text split over runs with revision-save ids
(w:rsidR), proofing marks, tracked insertions and deletions with an author and date, moved paragraphs,
comments. The package is held as its parts; `to_bytes()` zips it again."""

from __future__ import annotations

import copy
import io
import zipfile

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
AUTHOR = "Noor Haddou"
DATE = "2022-07-04T10:00:00Z"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


class DocxEdit:
    def __init__(self, data: bytes):
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            self.parts = {name: package.read(name) for name in package.namelist()}
        self.document = etree.fromstring(self.parts["word/document.xml"])
        self.body = self.document.find(w("body"))
        self.next_id = 9000
        self.rsid = 0

    # -- reading ------------------------------------------------------------------------------------
    def paragraphs(self) -> list[etree._Element]:
        return [p for p in self.body.iter(w("p"))]

    @staticmethod
    def text(p) -> str:
        out = []
        for node in p.iter(w("t"), w("tab")):
            out.append("\t" if node.tag == w("tab") else node.text or "")
        return "".join(out)

    def find(self, fragment: str) -> etree._Element:
        found = [p for p in self.paragraphs() if fragment in self.text(p)]
        assert len(found) == 1, (fragment, len(found))
        return found[0]

    @staticmethod
    def style(p) -> str | None:
        style = p.find("w:pPr/w:pStyle", NS)
        return style.get(w("val")) if style is not None else None

    # -- helpers ------------------------------------------------------------------------------------
    def _id(self) -> str:
        self.next_id += 1
        return str(self.next_id)

    def _rsid(self) -> str:
        self.rsid += 1
        return f"00{self.rsid:06X}"

    def _run(self, text: str, rpr=None, deleted: bool = False) -> etree._Element:
        r = etree.Element(w("r"))
        r.set(w("rsidR"), self._rsid())
        if rpr is not None:
            r.append(copy.deepcopy(rpr))
        t = etree.SubElement(r, w("delText" if deleted else "t"))
        t.text = text
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        return r

    def _revision(self, kind: str) -> etree._Element:
        element = etree.Element(w(kind))
        element.set(w("id"), self._id())
        element.set(w("author"), AUTHOR)
        element.set(w("date"), DATE)
        return element

    # -- editing ------------------------------------------------------------------------------------
    def replace(self, fragment: str, old: str, new: str, *, tracked: bool = False) -> None:
        """Replace `old` by `new` in the paragraph holding `fragment`, as Word does: the run holding `old`
        is split in three (the middle one new, or a w:del plus a w:ins when tracked), plus a proofing mark."""
        p = self.find(fragment)
        for r in p.iter(w("r")):
            t = r.find(w("t"))
            if t is None or old not in (t.text or ""):
                continue
            before, after = t.text.split(old, 1)
            rpr = r.find(w("rPr"))
            parent = r.getparent()
            index = parent.index(r)
            pieces = []
            if before:
                pieces.append(self._run(before, rpr))
            if tracked:
                if old:
                    deletion = self._revision("del")
                    deletion.append(self._run(old, rpr, deleted=True))
                    pieces.append(deletion)
                if new:
                    insertion = self._revision("ins")
                    insertion.append(self._run(new, rpr))
                    pieces.append(insertion)
            else:
                pieces.append(etree.Element(w("proofErr"), {w("type"): "spellStart"}))
                if new:
                    pieces.append(self._run(new, rpr))
                pieces.append(etree.Element(w("proofErr"), {w("type"): "spellEnd"}))
            if after:
                pieces.append(self._run(after, rpr))
            parent.remove(r)
            for offset, piece in enumerate(pieces):
                parent.insert(index + offset, piece)
            return
        raise AssertionError(f"{old!r} not in one run of the paragraph holding {fragment!r}")

    def new_paragraph(self, style: str, texts, *, tracked: bool = False) -> etree._Element:
        """A paragraph in `style` holding `texts` (strings, or "\\t" for a tab)."""
        p = etree.Element(w("p"))
        p.set(w("rsidR"), self._rsid())
        ppr = etree.SubElement(p, w("pPr"))
        etree.SubElement(ppr, w("pStyle")).set(w("val"), style)
        if tracked:
            etree.SubElement(etree.SubElement(ppr, w("rPr")), w("ins")).attrib.update(self._revision("ins").attrib)
        holder = p
        if tracked:
            holder = self._revision("ins")
            p.append(holder)
        for text in texts:
            if isinstance(text, tuple):  # (text, bookmark): a link to a heading, as Word's Insert > Link makes
                link = etree.SubElement(holder, w("hyperlink"), {w("anchor"): text[1], w("history"): "1"})
                link.append(self._run(text[0]))
            elif text == "\t":
                r = etree.SubElement(holder, w("r"))
                etree.SubElement(r, w("tab"))
            else:
                holder.append(self._run(text))
        return p

    def insert_after(self, fragment: str, *paragraphs) -> None:
        anchor = self.find(fragment)
        for offset, p in enumerate(paragraphs):
            anchor.addnext(p) if offset == 0 else paragraphs[offset - 1].addnext(p)

    def delete(self, first: str, last: str | None = None, *, tracked: bool = False) -> None:
        """Delete the paragraphs from the one holding `first` to the one holding `last`."""
        ps = self.paragraphs()
        start = ps.index(self.find(first))
        end = ps.index(self.find(last)) if last else start
        for p in ps[start : end + 1]:
            if not tracked:
                p.getparent().remove(p)
                continue
            ppr = p.find(w("pPr"))
            rpr = ppr.find(w("rPr")) if ppr.find(w("rPr")) is not None else etree.SubElement(ppr, w("rPr"))
            rpr.append(self._revision("del"))
            for r in list(p.findall(w("r"))):
                for t in r.findall(w("t")):
                    t.tag = w("delText")
                deletion = self._revision("del")
                r.addprevious(deletion)
                deletion.append(r)

    def move(self, first: str, last: str, after: str, *, tracked: bool = False) -> None:
        """Move the paragraphs from `first` to `last` to after the one holding `after` (cut and paste,
        bookmarks and all; tracked as w:moveFrom/w:moveTo when `tracked`)."""
        ps = self.paragraphs()
        start, end = ps.index(self.find(first)), ps.index(self.find(last))
        block = ps[start : end + 1]
        target = self.find(after)
        if tracked:
            copies = [copy.deepcopy(p) for p in block]
            for p in block:  # the old place: moved from (Word keeps w:t in moved-from runs)
                for r in list(p.findall(w("r"))):
                    holder = self._revision("moveFrom")
                    r.addprevious(holder)
                    holder.append(r)
                for b in list(p.iter(w("bookmarkStart"), w("bookmarkEnd"))):
                    b.getparent().remove(b)
                ppr = p.find(w("pPr"))
                rpr = ppr.find(w("rPr")) if ppr.find(w("rPr")) is not None else etree.SubElement(ppr, w("rPr"))
                rpr.append(self._revision("moveFrom"))
            block = copies
            for p in block:
                for r in list(p.findall(w("r"))):
                    holder = self._revision("moveTo")
                    r.addprevious(holder)
                    holder.append(r)
        else:
            for p in block:
                p.getparent().remove(p)
        anchor = target
        for p in block:
            anchor.addnext(p)
            anchor = p

    def comment(self, fragment: str, text: str) -> None:
        """A comment by AUTHOR on the paragraph holding `fragment` (word/comments.xml and its relationship)."""
        p = self.find(fragment)
        cid = self._id()
        start = etree.Element(w("commentRangeStart"), {w("id"): cid})
        p.insert(1, start)
        etree.SubElement(p, w("commentRangeEnd"), {w("id"): cid})
        ref_run = etree.SubElement(p, w("r"))
        etree.SubElement(ref_run, w("commentReference"), {w("id"): cid})
        comments = (
            etree.fromstring(self.parts["word/comments.xml"])
            if "word/comments.xml" in self.parts
            else etree.Element(w("comments"), nsmap={"w": W})
        )
        comment = etree.SubElement(comments, w("comment"), {w("id"): cid, w("author"): AUTHOR, w("date"): DATE})
        cp = etree.SubElement(comment, w("p"))
        cp.append(self._run(text))
        self.parts["word/comments.xml"] = etree.tostring(comments, xml_declaration=True, encoding="UTF-8")
        rels = etree.fromstring(self.parts["word/_rels/document.xml.rels"])
        rel_ns = "http://schemas.openxmlformats.org/package/2006/relationships"
        if not any(r.get("Target") == "comments.xml" for r in rels):
            etree.SubElement(
                rels,
                f"{{{rel_ns}}}Relationship",
                Id="rIdComments",
                Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments",
                Target="comments.xml",
            )
        self.parts["word/_rels/document.xml.rels"] = etree.tostring(rels, xml_declaration=True, encoding="UTF-8")
        types = etree.fromstring(self.parts["[Content_Types].xml"])
        ct_ns = "http://schemas.openxmlformats.org/package/2006/content-types"
        etree.SubElement(
            types,
            f"{{{ct_ns}}}Override",
            PartName="/word/comments.xml",
            ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml",
        )
        self.parts["[Content_Types].xml"] = etree.tostring(types, xml_declaration=True, encoding="UTF-8")

    def to_bytes(self) -> bytes:
        self.parts["word/document.xml"] = etree.tostring(
            self.document, xml_declaration=True, encoding="UTF-8", standalone=True
        )
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
            for name, data in self.parts.items():
                package.writestr(name, data)
        return buffer.getvalue()


def main(argv: list[str]) -> int:
    """`python demo/docx_edit.py IN.docx OUT.docx EDITS.json`: apply edits as Word writes them, with
    change tracking on (the demo's drafter). EDITS.json is a list of ["replace", fragment, old, new],
    ["insert-after", fragment, style, [text | [text, bookmark] | "\\t", ...]] and ["comment", fragment, text]."""
    import json
    from pathlib import Path

    source, target, script = argv
    edit = DocxEdit(Path(source).read_bytes())
    for step in json.loads(Path(script).read_text(encoding="utf-8")):
        if step[0] == "replace":
            edit.replace(step[1], step[2], step[3], tracked=True)
        elif step[0] == "insert-after":
            texts = [tuple(t) if isinstance(t, list) else t for t in step[3]]
            edit.insert_after(step[1], edit.new_paragraph(step[2], texts, tracked=True))
        elif step[0] == "comment":
            edit.comment(step[1], step[2])
    Path(target).write_bytes(edit.to_bytes())
    return 0


if __name__ == "__main__":
    import sys

    raise SystemExit(main(sys.argv[1:]))
