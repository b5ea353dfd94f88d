#!/usr/bin/env python3
"""Writes the samples' attached PDFs: short, fictional stand-ins for documents
a council writes elsewhere (a single assessment, an assessment plan). Plain
PDF 1.4, one or more pages of Helvetica text, no dates inside the file, so
running this again gives the same bytes.

    python3 samples/attachments/make.py
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent


def pdf(pages):
    """A PDF whose pages each show the given lines of text."""
    objects = []

    def add(body):
        objects.append(body)
        return len(objects)

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    pages_id = len(objects) + 1 + 2 * len(pages)
    kids = []
    for lines in pages:
        text = ["BT", "/F1 11 Tf", "14 TL", "72 770 Td"]
        for i, line in enumerate(lines):
            esc = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            if i == 0:
                text += ["/F1 15 Tf", f"({esc}) Tj", "/F1 11 Tf", "T*", "T*"]
            else:
                text += [f"({esc}) '"]
        text.append("ET")
        stream = "\n".join(text).encode("cp1252")
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(add(
            b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>" % (pages_id, font, content)
        ))
    add(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids)))
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, xref)
    return bytes(out)


FICTIONAL = "FICTIONAL SAMPLE - every person and detail in this document is invented."

DOCUMENTS = {
    "hartley-nowak-single-assessment.pdf": [
        [
            "Single Assessment: Maisie and Leo Nowak",
            "Northmoor Borough Council, Children's Services. Reference NM/CS/2026/0147.",
            "Completed 30 October 2026 by Grace Adeyemi, social worker.",
            "",
            "1. Why this assessment was needed",
            "Maisie (7) and Leo (3) have twice been found without an adult at home at night.",
            "Maisie's school attendance has fallen to 71 out of every 100 days.",
            "",
            "2. The children's lived experience",
            "Maisie tells her teacher she puts Leo to bed when her mother goes out.",
            "",
            FICTIONAL,
        ],
        [
            "Single Assessment (continued)",
            "3. Analysis of risk, informed by the Jones risk assessment tool",
            "Harm is likely to continue without a written childcare plan.",
            "",
            "4. Recommendation",
            "Request a Legal Planning Meeting to consider pre-proceedings.",
            "",
            FICTIONAL,
        ],
    ],
    "hartley-nowak-assessment-plan.pdf": [
        [
            "Assessment plan: Maisie and Leo Nowak",
            "Northmoor Borough Council, Children's Services. Reference NM/CS/2026/0147.",
            "19 November 2026.",
            "",
            "Parenting assessment of Ms Hartley: Family Hub, starting 30 November 2026.",
            "Viability assessment of Ms Chloe Hartley (aunt): FFAST, by 21 December 2026.",
            "",
            FICTIONAL,
        ]
    ],
    "brennan-single-assessment.pdf": [
        [
            "Single Assessment: Ruby Brennan",
            "Northmoor Borough Council, Children's Services. Reference NM/CS/2026/0203.",
            "Completed 28 October 2026 by Aisha Rahman, social worker.",
            "",
            "Ruby (2 months) has a healing fracture of the left arm and bruising",
            "to the cheek and ear that her parents have not explained.",
            "",
            FICTIONAL,
        ]
    ],
    "brennan-draft-swet.pdf": [
        [
            "Social Work Evidence Template (draft): Ruby Brennan",
            "Northmoor Borough Council, Children's Services. Reference NM/CS/2026/0203.",
            "Draft of 2 November 2026 by Aisha Rahman, social worker.",
            "",
            "Section 7: the balance sheet of options for Ruby.",
            "",
            FICTIONAL,
        ]
    ],
    "brennan-looked-after-review.pdf": [
        [
            "Looked-after review: Ruby Brennan",
            "Northmoor Borough Council, Children's Services. Reference NM/CS/2026/0203.",
            "Held 20 November 2026; chaired by the independent reviewing officer.",
            "",
            "Key recommendations: contact three times a week, supervised;",
            "health assessment by 4 December 2026; viability assessment of the",
            "maternal grandmother to be completed by 18 December 2026.",
            "",
            FICTIONAL,
        ]
    ],
}

if __name__ == "__main__":
    for name, pages in DOCUMENTS.items():
        (HERE / name).write_bytes(pdf(pages))
        print(name)
