/*
 * Module parameters under Linux's names: module_param, module_param_named,
 * module_param_array(_named), module_param_string, MODULE_PARM_DESC, for
 * the types byte, short, ushort, int, uint, long, ulong, bool, invbool,
 * charp, and arrays of them.
 *
 * Each parameter is one struct kernel_param (include/tessera/modformat.h)
 * in section __param, which the module header points at; `insmod FILE
 * name=value ...` hands the values to the kernel (/mod/NAME/args), which
 * sets them before init, and /mod/NAME/parameters/NAME shows and takes them
 * afterwards. The "parm" and "parmtype" strings in .modinfo are what
 * modinfo prints, as in Linux. docs/modules.md, "Module parameters".
 *
 * Built into the kernel (no -DMODULE) the macros only check the variable's
 * type: Tessera has no command line for built-in code.
 */
#ifndef _LINUX_MODULEPARAM_H
#define _LINUX_MODULEPARAM_H

#include <stdbool.h>
#include <stddef.h>
#include <tessera/modformat.h>

#define __param_cat_(a, b)	a##b
#define __param_cat(a, b)	__param_cat_(a, b)

#ifdef MODULE
/* One "key=value" string in .modinfo (Linux's __MODULE_INFO). */
#define __MODULE_PARM_INFO(key, value)					\
	static const char __param_cat(__modparm_info_, __COUNTER__)[]	\
		__attribute__((used, section(".modinfo"), aligned(1))) = \
		#key "=" value

/* The descriptor: the name in .rodata, the entry in __param (both in the
 * module's core). The permission is checked as Linux's
 * VERIFY_OCTAL_PERMISSIONS does: 0..0777, never writable by others. */
#define __module_param_call(name, arg, type, perm, max, nump)		\
	_Static_assert((perm) >= 0 && (perm) <= 0777,			\
		       "module_param " #name ": permission not 0..0777"); \
	_Static_assert(!((perm) & 0002),				\
		       "module_param " #name ": writable by others");	\
	static const char __param_str_##name[] = #name;			\
	static const struct kernel_param __param_##name			\
		__attribute__((used, section("__param"), aligned(4))) = { \
		__param_str_##name, (void *)(arg), (perm), (type), 0,	\
		(max), (nump) }
#else
#define __MODULE_PARM_INFO(key, value)	_Static_assert(1, "")
#define __module_param_call(name, arg, type, perm, max, nump)		\
	_Static_assert(1, "")
#endif

/* "parmtype=NAME:TYPE" and "parm=NAME:DESCRIPTION", read by modinfo. */
#define __MODULE_PARM_TYPE(name, _type)	__MODULE_PARM_INFO(parmtype, #name ":" _type)
#define MODULE_PARM_DESC(_parm, desc)	__MODULE_PARM_INFO(parm, #_parm ":" desc)

/* The variable must have the parameter's C type (a warning otherwise,
 * an error under -Werror). */
#define __param_check(name, p, type)					\
	static inline __attribute__((unused)) type *__check_##name(void) \
	{ return (p); }
#define param_check_byte(name, p)	__param_check(name, p, unsigned char)
#define param_check_short(name, p)	__param_check(name, p, short)
#define param_check_ushort(name, p)	__param_check(name, p, unsigned short)
#define param_check_int(name, p)	__param_check(name, p, int)
#define param_check_uint(name, p)	__param_check(name, p, unsigned int)
#define param_check_long(name, p)	__param_check(name, p, long)
#define param_check_ulong(name, p)	__param_check(name, p, unsigned long)
#define param_check_bool(name, p)	__param_check(name, p, bool)
#define param_check_invbool(name, p)	__param_check(name, p, bool)
#define param_check_charp(name, p)	__param_check(name, p, char *)

/* module_param(howmany, int, S_IRUGO): the variable howmany is the
 * parameter howmany; perm is its file's mode (0: no file). (The macros
 * below paste `type` themselves instead of passing it on: <stdbool.h>'s
 * bool is a macro, which passing on would expand to _Bool.) */
#define module_param(name, type, perm)					\
	param_check_##type(name, &(name));				\
	__module_param_call(name, &(name), PARAM_T_##type, perm, 0, NULL); \
	__MODULE_PARM_TYPE(name, #type)

/* The parameter name sets the variable value. */
#define module_param_named(name, value, type, perm)			\
	param_check_##type(name, &(value));				\
	__module_param_call(name, &(value), PARAM_T_##type, perm, 0, NULL); \
	__MODULE_PARM_TYPE(name, #type)

/* module_param_array(arr, int, &n, perm): "arr=1,2,3" sets arr[0..2] and
 * n = 3 (nump may be NULL); more elements than the array has are refused.
 * nump may point to an int or an unsigned int, as Linux (built with
 * -Wno-pointer-sign) allows. */
#define module_param_array(name, type, nump, perm)			\
	param_check_##type(name, &(name)[0]);				\
	__module_param_call(name, &(name)[0], PARAM_T_##type | PARAM_T_ARRAY, \
			    perm, sizeof(name) / sizeof((name)[0]),	\
			    (unsigned int *)(nump));			\
	__MODULE_PARM_TYPE(name, "array of " #type)

#define module_param_array_named(name, array, type, nump, perm)	\
	param_check_##type(name, &(array)[0]);				\
	__module_param_call(name, &(array)[0], PARAM_T_##type | PARAM_T_ARRAY, \
			    perm, sizeof(array) / sizeof((array)[0]),	\
			    (unsigned int *)(nump));			\
	__MODULE_PARM_TYPE(name, "array of " #type)

/* module_param_string(name, buf, sizeof(buf), perm): the value is copied
 * into the char array buf; one longer than len-1 bytes is refused. */
#define module_param_string(name, string, len, perm)			\
	__module_param_call(name, string, PARAM_T_string, perm, len, NULL); \
	__MODULE_PARM_TYPE(name, "string")

#endif
