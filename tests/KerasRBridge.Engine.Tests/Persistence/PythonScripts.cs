namespace KerasRBridge.Engine.Tests.Persistence;

/// <summary>The Python the cross-checks run: readers of our files, and writers of files for us.</summary>
internal static class PythonScripts
{
    /// <summary>
    /// Reads the file argv[1] of format argv[2] (npy, npz, safetensors, h5) with NumPy, h5py,
    /// or for safetensors (whose package Debian lacks) json and numpy.frombuffer, and prints
    /// {name: {dtype, shape, hex of the bytes in Fortran order, element [1, 2, 3] of a 3-d array}}.
    /// Fortran order is the engine's storage order, so equal hex means equal logical elements.
    /// </summary>
    public const string Reader = """
        import sys, json
        import numpy as np
        path, kind = sys.argv[1], sys.argv[2]
        out = {}
        def put(name, a, dtype=None):
            entry = {"dtype": dtype or str(a.dtype), "shape": list(a.shape), "hex": a.tobytes(order="F").hex()}
            if a.shape == (2, 3, 4) and a.dtype.kind in "biuf":
                entry["at123"] = float(a[1, 2, 3])
            out[name] = entry
        if kind == "npy":
            put("w", np.load(path))
        elif kind == "npz":
            with np.load(path) as z:
                for k in z.files:
                    put(k, z[k])
        elif kind == "safetensors":
            data = open(path, "rb").read()
            n = int.from_bytes(data[:8], "little")
            assert n % 8 == 0, "header not padded to 8"
            header = json.loads(data[8:8 + n])
            body = data[8 + n:]
            codes = {"F16": "<f2", "BF16": "<u2", "F32": "<f4", "F64": "<f8", "I8": "i1", "I16": "<i2",
                     "I32": "<i4", "I64": "<i8", "U8": "u1", "U16": "<u2", "U32": "<u4", "U64": "<u8",
                     "BOOL": "?", "C64": "<c8"}
            end = 0
            for k, v in sorted(((k, v) for k, v in header.items() if k != "__metadata__"), key=lambda kv: kv[1]["data_offsets"]):
                b, e = v["data_offsets"]
                assert b == end, "offsets not contiguous"
                end = e
                a = np.frombuffer(body[b:e], dtype=codes[v["dtype"]]).reshape(v["shape"])
                put(k, a, "bfloat16" if v["dtype"] == "BF16" else None)
            assert end == len(body), "data not covered exactly"
        elif kind == "h5":
            import h5py
            with h5py.File(path, "r") as f:
                def visit(name, obj):
                    if isinstance(obj, h5py.Dataset):
                        put(name, np.asarray(obj[()]), "bfloat16" if obj.attrs.get("dtype") == "bfloat16" else None)
                f.visititems(visit)
        print(json.dumps(out))
        """;

    /// <summary>Writes NumPy's files into the directory argv[1], each holding the 2x3x4
    /// positions 100 i + 10 j + k in some dtype, order or byte order.</summary>
    public const string NumPyWriter = """
        import sys
        import numpy as np
        d = sys.argv[1]
        pos = np.fromfunction(lambda i, j, k: 100 * i + 10 * j + k, (2, 3, 4))
        np.save(d + "/c_order.npy", pos.astype("<f4"))
        np.save(d + "/fortran_order.npy", np.asfortranarray(pos.astype("<i8")))
        np.save(d + "/big_endian.npy", pos.astype(">f8"))
        np.save(d + "/big_endian_fortran.npy", np.asfortranarray(pos.astype(">i2")))
        np.save(d + "/big_endian_complex.npy", (pos - 1j * pos).astype(">c16"))
        np.save(d + "/scalar.npy", np.float32(2.5))
        np.save(d + "/empty.npy", np.zeros((0, 3), "<u2"))
        np.save(d + "/bools.npy", pos % 3 == 0)
        np.savez(d + "/plain.npz", half=pos.astype("<f2"), odd=pos % 2 == 1, complex=(pos + 2j).astype("<c8"))
        np.savez_compressed(d + "/compressed.npz", big=pos.astype("<u8"), small=pos.astype("i1"))
        """;

    /// <summary>Writes, into argv[1], an HDF5 file in Keras's layout as h5py writes it.</summary>
    public const string H5pyWriter = """
        import sys
        import numpy as np
        import h5py
        pos = np.fromfunction(lambda i, j, k: 100 * i + 10 * j + k, (2, 3, 4))
        with h5py.File(sys.argv[1] + "/keras.weights.h5", "w") as f:
            dense = f.create_group("layers/dense/vars")
            dense["0"] = pos.astype("<f4")
            dense["1"] = np.arange(4, dtype="<f4")
            f.create_group("vars")["seed"] = np.array([1, 2], dtype="<u4")
            f["loose"] = pos.astype("<i2")
            misc = f.create_group("misc/vars")
            misc["flags"] = pos % 2 == 0
            misc["z"] = (pos + 1j * pos).astype("<c16")
            misc["scalar"] = np.float64(-0.0)
            misc["empty"] = np.zeros((3, 0), "<i4")
            bits = (pos.astype("<f4").view("<u4") >> 16).astype("<u2")
            bf = misc.create_dataset("bf", data=np.frombuffer(bits.tobytes(), "V2").reshape(2, 3, 4))
            bf.attrs["dtype"] = "bfloat16"
            f.create_dataset("chunked/vars/k", data=pos.astype("<f8"), chunks=(1, 3, 2), compression="gzip")
        """;

    /// <summary>Files in sys.argv[1] whose links and storage Keras never writes, and big-endian datasets.</summary>
    public const string H5pyUnusual = """
        import os, sys
        import numpy as np
        import h5py
        d = sys.argv[1]
        with h5py.File(d + "/loop.weights.h5", "w") as f:
            g = f.create_group("a")
            g["x"] = np.float32(1)
            g["loop"] = g
        with h5py.File(d + "/soft_loop.weights.h5", "w") as f:
            f.create_group("a")["x"] = np.float32(1)
            f["a/up"] = h5py.SoftLink("/a")
        with h5py.File(d + "/shared.weights.h5", "w") as f:
            g = f.create_group("g0")
            g["x"] = np.float32(1)
            for i in range(1, 40):
                h = f.create_group("g%d" % i)
                h["a"] = g
                h["b"] = g
                g = h
        with open(d + "/secret.bin", "wb") as out:
            out.write(b"0123456789abcdef")
        with h5py.File(d + "/external.weights.h5", "w") as f:
            f.create_group("vars").create_dataset("0", shape=(16,), dtype="u1", external=[(d + "/secret.bin", 0, 16)])
        with h5py.File(d + "/other.h5", "w") as f:
            f["t"] = np.arange(3.0)
        with h5py.File(d + "/external_link.weights.h5", "w") as f:
            f["vars/0"] = np.float32(2)
            f["e"] = h5py.ExternalLink(d + "/other.h5", "/t")
        with h5py.File(d + "/virtual.weights.h5", "w") as f:
            layout = h5py.VirtualLayout(shape=(3,), dtype="f8")
            layout[:] = h5py.VirtualSource(d + "/other.h5", "t", shape=(3,))
            f.create_group("vars").create_virtual_dataset("0", layout)
        with h5py.File(d + "/dangling.weights.h5", "w") as f:
            f["vars/0"] = np.float32(2)
            f["vars/gone"] = h5py.SoftLink("/nowhere")
        pos = np.fromfunction(lambda i, j, k: 100 * i + 10 * j + k, (2, 3, 4))
        with h5py.File(d + "/big_endian.weights.h5", "w") as f:
            for t in [">f2", ">f4", ">f8", ">i2", ">i4", ">i8", ">u2", ">u4", ">u8"]:
                f["vars/" + t[1:]] = pos.astype(t)
            f["vars/c8"] = (pos - 1j * pos).astype(">c8")
            f["vars/c16"] = (pos - 1j * pos).astype(">c16")
        """;
}
