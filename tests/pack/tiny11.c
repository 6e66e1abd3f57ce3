/* tiny11: one of the twenty small modules of tests/pack/tiny.h, with 599 bytes of data. */
#define TINY_PAD 599
#include "tiny.h"
