/*
 * libdemo's exports, included by libdemo.c and by the modules that use
 * them (libuser.c): both see the same declarations, so their CRCs agree.
 */
#ifndef MODULES_LIBDEMO_H
#define MODULES_LIBDEMO_H

/* Returns a + b, and counts the call in libdemo_calls. */
int libdemo_add(int a, int b);
/* Calls of libdemo_add since libdemo was loaded. */
extern int libdemo_calls;

#endif
