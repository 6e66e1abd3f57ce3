/* tiny01: one of the twenty small modules of tests/pack/tiny.h, with 69 bytes of data. */
#define TINY_PAD 69
#include "tiny.h"
