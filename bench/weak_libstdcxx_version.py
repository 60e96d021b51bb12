#!/usr/bin/python3
"""Lets TorchSharp 0.107.0's native library load with Debian 12's libstdc++ (GCC 12).

libLibTorchSharp.so is built with GCC 13, whose <iostream> plants an undefined reference to
std::ios_base_library_init() with symbol version GLIBCXX_3.4.32, only so that the linker records
a dependency on a libstdc++ that initialises the standard streams itself. Nothing calls it (the
library has no relocation against it), but the dynamic loader refuses a library that needs a
version its libstdc++ lacks ("version `GLIBCXX_3.4.32' not found"). GCC 12's libstdc++ initialises
the streams from every translation unit that includes <iostream>, which libtorch's do. So this
marks that one version requirement weak (VER_FLG_WEAK), which the loader accepts when the version
is missing, in the given copy of the library (the bench project's build output, never the NuGet
cache). It changes nothing when the system's libstdc++ has the version.

Usage: weak_libstdcxx_version.py LIBRARY SYSTEM_LIBSTDCXX
"""
import struct
import sys

VERSION = b"GLIBCXX_3.4.32"
SHT_GNU_VERNEED = 0x6FFFFFFE
VER_FLG_WEAK = 0x2


def section_headers(elf):
    shoff, = struct.unpack_from("<Q", elf, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", elf, 0x3A)
    for i in range(shnum):
        # sh_name, sh_type, sh_flags, sh_addr, sh_offset, sh_size, sh_link
        yield struct.unpack_from("<IIQQQQI", elf, shoff + i * shentsize)


def main(library, system_libstdcxx):
    with open(system_libstdcxx, "rb") as f:
        if VERSION + b"\0" in f.read():
            return "the system's libstdc++ has " + VERSION.decode() + ": nothing to do"
    with open(library, "rb") as f:
        elf = bytearray(f.read())
    if elf[:5] != b"\x7fELF\x02" or elf[5] != 1:
        sys.exit(library + " is not a little-endian 64-bit ELF file")
    headers = list(section_headers(elf))
    changed = 0
    for _, sh_type, _, _, offset, _, link in headers:
        if sh_type != SHT_GNU_VERNEED:
            continue
        strings = headers[link][4]
        need = offset
        while True:
            _, count, _, aux_offset, next_need = struct.unpack_from("<HHIII", elf, need)
            aux = need + aux_offset
            for _ in range(count):
                _, flags, _, name, next_aux = struct.unpack_from("<IHHII", elf, aux)
                start = strings + name
                if elf[start:elf.index(b"\0", start)] == VERSION and not flags & VER_FLG_WEAK:
                    struct.pack_into("<H", elf, aux + 4, flags | VER_FLG_WEAK)
                    changed += 1
                aux += next_aux
            if next_need == 0:
                break
            need += next_need
    if changed:
        with open(library, "wb") as f:
            f.write(elf)
        return "marked " + VERSION.decode() + " weak in " + library
    return "no strong " + VERSION.decode() + " requirement in " + library


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    print(main(sys.argv[1], sys.argv[2]))
