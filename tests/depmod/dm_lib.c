/*
 * dm_lib exports dm_lib_value, which dm_user needs: with both, depmod
 * writes "dm_user.ko: dm_lib.ko"; with dm_user alone in a directory it
 * warns that dm_user needs an unknown symbol (scenario modtools_depmod).
 */
#include <module.h>

int dm_lib_value(void);

int dm_lib_value(void)
{
	return 42;
}
EXPORT_SYMBOL(dm_lib_value);

MODULE_LICENSE("GPL");
