#!/usr/bin/env python3
"""Load a Descent-written safetensors file and print its tensors.

Usage: check_safetensors.py FILE [FILE ...]

Uses the `safetensors` package when it is installed, so a file passing
here loads in PyTorch tooling; otherwise it parses the format itself
(8-byte little-endian header length, JSON header, raw little-endian data)
and checks the same rules: known dtypes, shape matching the offsets, and
tensors tiling the data with no overlap, hole or leftover bytes.
Prints the metadata, then one line per tensor: name, dtype, shape, and
the first values. Exits 1 with a message on the first bad file.
"""

import json
import struct
import sys

try:
    import numpy as np
except ImportError:  # names and shapes still print without numpy
    np = None

DTYPE_SIZES = {
    "BOOL": 1, "U8": 1, "I8": 1, "F8_E5M2": 1, "F8_E4M3": 1,
    "I16": 2, "U16": 2, "F16": 2, "BF16": 2,
    "I32": 4, "U32": 4, "F32": 4,
    "I64": 8, "U64": 8, "F64": 8,
}
NUMPY_NAMES = {
    "bool": "BOOL", "uint8": "U8", "int8": "I8", "int16": "I16",
    "uint16": "U16", "float16": "F16", "int32": "I32", "uint32": "U32",
    "float32": "F32", "int64": "I64", "uint64": "U64", "float64": "F64",
}
MAX_HEADER_BYTES = 100_000_000


class BadFile(Exception):
    pass


def parse(path):
    """Returns (metadata, [(name, dtype, shape, values or None)])."""
    with open(path, "rb") as handle:
        raw = handle.read()
    if len(raw) < 8:
        raise BadFile(f"{len(raw)} bytes, too short for safetensors")
    (length,) = struct.unpack("<Q", raw[:8])
    if length > MAX_HEADER_BYTES or 8 + length > len(raw):
        raise BadFile(f"header length {length} does not fit the file")

    def no_duplicates(pairs):
        keys = [key for key, _ in pairs]
        if len(set(keys)) != len(keys):
            raise BadFile("a name appears twice in the header")
        return dict(pairs)

    header = json.loads(
        raw[8:8 + length].decode("utf-8"), object_pairs_hook=no_duplicates)
    metadata = header.pop("__metadata__", {})
    data = raw[8 + length:]
    entries = sorted(header.items(), key=lambda item: item[1]["data_offsets"])
    covered = 0
    tensors = []
    for name, info in entries:
        dtype, shape = info["dtype"], info["shape"]
        begin, end = info["data_offsets"]
        if dtype not in DTYPE_SIZES:
            raise BadFile(f"{name}: unknown dtype {dtype}")
        count = 1
        for extent in shape:
            count *= extent
        if begin != covered or end - begin != count * DTYPE_SIZES[dtype]:
            raise BadFile(f"{name}: offsets {begin}..{end} do not tile")
        if end > len(data):
            raise BadFile(f"{name}: data truncated")
        covered = end
        values = None
        if np is not None and dtype == "F32":
            values = np.frombuffer(data[begin:end], dtype="<f4").reshape(shape)
        tensors.append((name, dtype, shape, values))
    if covered != len(data):
        raise BadFile(f"{len(data) - covered} data bytes belong to no tensor")
    return metadata, tensors


def load_with_package(path):
    """The same result through the `safetensors` package."""
    from safetensors import safe_open

    with safe_open(path, framework="numpy") as handle:
        metadata = handle.metadata() or {}
        tensors = []
        for name in handle.keys():
            values = handle.get_tensor(name)
            dtype = NUMPY_NAMES.get(str(values.dtype), str(values.dtype))
            tensors.append((name, dtype, list(values.shape), values))
    return metadata, tensors


def main(paths):
    try:
        import safetensors  # noqa: F401
        loader, how = load_with_package, "safetensors package"
    except ImportError:
        loader, how = parse, "built-in parser"
    for path in paths:
        try:
            metadata, tensors = loader(path)
        except Exception as error:  # any failure means the file is bad
            print(f"{path}: not valid safetensors: {error}", file=sys.stderr)
            return 1
        print(f"{path} ({how})")
        for key in sorted(metadata):
            text = metadata[key]
            shown = text if len(text) <= 60 else text[:57] + "..."
            print(f"  metadata {key} = {shown}")
        for name, dtype, shape, values in tensors:
            line = f"  {name} {dtype} {list(shape)}"
            if values is not None and values.size:
                first = ", ".join(repr(float(x)) for x in values.flat[:4])
                line += f" [{first}{', ...' if values.size > 4 else ''}]"
            print(line)
    return 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1:]))
