"""kringbot, the bot of a kring of GPs.

One thread for numpy's BLAS and for the embedding model's OpenMP, waiting passively, set here
before anything imports numpy: on a shared machine a second thread spinning for work took the
CPU from the one answering (issue 15: a question embedded in 400–1000 ms instead of 30; the
semantic search's matrix product 17 ms p95 instead of 5 with two BLAS threads).
"""

import os

for _name, _value in {
    "OPENBLAS_NUM_THREADS": "1",
    "OMP_NUM_THREADS": "1",
    "OMP_WAIT_POLICY": "PASSIVE",
}.items():
    os.environ.setdefault(_name, _value)
