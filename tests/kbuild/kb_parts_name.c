/*
 * kb_parts_name: says which module this file was compiled into.
 */
#include <linux/module.h>
#include "kb_parts.h"

/* A sentence naming this file's KBUILD_MODNAME. */
const char *kb_parts_name(void)
{
	return "kb_parts_name.c was compiled for module " KBUILD_MODNAME;
}
