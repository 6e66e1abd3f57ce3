/*
 * edge4080: an image (core + init) of exactly 4080 bytes, the
 * largest modalloc=pack packs (tests/pack/edge.h).
 */
#define EDGE_CORE 3604
#define EDGE_INIT 80
#include "edge.h"
