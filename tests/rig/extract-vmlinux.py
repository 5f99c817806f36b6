#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Unpack the xz payload of a bzImage into the plain ELF vmlinux.

Xen and libxenguest would otherwise decompress the bzImage under software
emulation at every boot and guest create (seconds each).
"""
import lzma
import sys

XZ_MAGIC = b"\xfd7zXZ\x00"


def main(src, dst):
    data = open(src, "rb").read()
    start = data.find(XZ_MAGIC)
    while start >= 0:
        try:
            elf = lzma.LZMADecompressor(format=lzma.FORMAT_XZ).decompress(data[start:])
        except lzma.LZMAError:
            elf = b""
        if elf.startswith(b"\x7fELF"):
            open(dst, "wb").write(elf)
            return 0
        start = data.find(XZ_MAGIC, start + 1)
    sys.exit("%s: no xz-compressed ELF payload found" % src)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
