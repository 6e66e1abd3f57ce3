/* tiny15: one of the twenty small modules of tests/pack/tiny.h, with 111 bytes of data. */
#define TINY_PAD 111
#include "tiny.h"
