/* tiny08: one of the twenty small modules of tests/pack/tiny.h, with 440 bytes of data. */
#define TINY_PAD 440
#include "tiny.h"
