#!/usr/bin/env python3
"""Marks an ELF shared library's need for a libstdc++ symbol version as weak (VER_FLG_WEAK in .gnu.version_r).

Why: TorchSharp's libLibTorchSharp.so asks for GLIBCXX_3.4.32 for one symbol it never binds; Debian 12's libstdc++ stops
at 3.4.30, so the loader refuses the library. A weak version need is only a warning to the loader (ARCHITECTURE.md §8;
`patchelf --clear-symbol-version` alone does not help). Usage: weak-glibcxx.py LIBRARY [VERSION ...]; idempotent; writes a new file (never through a hard link); exits 0
when there is nothing to change (a newer distribution, or already patched).
"""
import os
import struct
import sys

SHT_GNU_VERNEED = 0x6FFFFFFE
VER_FLG_WEAK = 0x2


def patch(path, versions):
    with open(path, "rb") as f:
        data = bytearray(f.read())
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        sys.exit(f"{path}: not a 64-bit little-endian ELF file")
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)]
    changed = []
    for (_, sh_type, _, _, offset, _, link, count, _, _) in sections:
        if sh_type != SHT_GNU_VERNEED:
            continue
        strtab = sections[link][4]
        need = offset
        for _ in range(count):
            _, aux_count, _, aux, next_need = struct.unpack_from("<HHIII", data, need)
            entry = need + aux
            for _ in range(aux_count):
                _, flags, _, name, next_aux = struct.unpack_from("<IHHII", data, entry)
                end = data.index(b"\0", strtab + name)
                version = data[strtab + name:end].decode()
                if version in versions and not flags & VER_FLG_WEAK:
                    struct.pack_into("<H", data, entry + 4, flags | VER_FLG_WEAK)
                    changed.append(version)
                entry += next_aux
            need += next_need
    if changed:
        # A new file renamed into place: a hard link to the NuGet cache's copy is replaced, never written through.
        temp = path + ".patching"
        with open(temp, "wb") as out:
            out.write(data)
        os.chmod(temp, os.stat(path).st_mode)
        os.replace(temp, path)
    print(f"{path}: {'marked weak: ' + ', '.join(changed) if changed else 'nothing to mark'}")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    patch(sys.argv[1], set(sys.argv[2:]) or {"GLIBCXX_3.4.32"})
