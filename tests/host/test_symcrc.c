/*
 * Host tests of the symbol-version CRCs (tools/symcrc.c): CRC32 check
 * value, which declaration is found for a name, how it is normalized, and
 * that a different prototype gives a different CRC.
 */
// sources: tools/symcrc.c
#include <string.h>
#include "tools/symcrc.h"
#include <tessera/errno.h>
#include "tests/host/ktest.h"

static const char src[] =
	"# 1 \"mm/mm.h\"\n"
	"struct page { int flags; void *kmalloc; };\n"
	"extern   void *kmalloc(size_t size);\n"
	"typedef int (*cb_t)(int kfree);\n"
	"int lib_value = 42;\n"
	"static int helper(void) { return kmalloc(1) != 0; }\n"
	"void *kmalloc(size_t size) { return 0; }\n"
	"void (*handler)(int);\n"
	"static const struct kernel_symbol __ksymtab_lib_value = { 0 };\n"
	"int f(void) { int __ksymtab_fake; return 0; }\n";

static char decl[256];

static int find(const char *name)
{
	decl[0] = '\0';
	return symcrc_declaration(src, sizeof(src) - 1, name, decl,
				  sizeof(decl));
}

KTEST(crc32_check_value)
{
	KT_EXPECT(symcrc_crc32("123456789", 9) == 0xCBF43926u);
	KT_EXPECT(symcrc_crc32("", 0) == 0);
}

KTEST(first_declaration_normalized)
{
	KT_EXPECT(find("kmalloc") == 0);
	KT_EXPECT(!strcmp(decl, "void*kmalloc(size_t size)"));
}

KTEST(variable_stops_at_initializer)
{
	KT_EXPECT(find("lib_value") == 0);
	KT_EXPECT(!strcmp(decl, "int lib_value"));
}

KTEST(function_pointer_variable)
{
	KT_EXPECT(find("handler") == 0);
	KT_EXPECT(!strcmp(decl, "void(*handler)(int)"));
}

KTEST(parameter_and_member_names_are_not_declarations)
{
	KT_EXPECT(find("kfree") == -ENOENT);
	KT_EXPECT(find("flags") == -ENOENT);
	KT_EXPECT(find("helper") == 0);
	KT_EXPECT(!strcmp(decl, "static int helper(void)"));
}

KTEST(different_prototype_different_crc)
{
	static const char a[] = "void *kmalloc(size_t size);";
	static const char b[] = "void *kmalloc(unsigned long size, int flags);";
	static const char c[] = "extern void * kmalloc ( size_t   size ) ;";
	uint32_t ca, cb, cc;

	KT_EXPECT(symcrc_symbol(a, sizeof(a) - 1, "kmalloc", &ca, NULL, 0) == 0);
	KT_EXPECT(symcrc_symbol(b, sizeof(b) - 1, "kmalloc", &cb, NULL, 0) == 0);
	KT_EXPECT(symcrc_symbol(c, sizeof(c) - 1, "kmalloc", &cc, NULL, 0) == 0);
	KT_EXPECT(ca != cb);
	KT_EXPECT(ca == cc);	/* spacing and extern do not matter */
	KT_EXPECT(ca == symcrc_crc32("void*kmalloc(size_t size)", 25));
}

KTEST(exports_found_in_order)
{
	char name[64];
	size_t pos = 0;

	KT_EXPECT(symcrc_next_export(src, sizeof(src) - 1, &pos, name,
				     sizeof(name)) == 1);
	KT_EXPECT(!strcmp(name, "lib_value"));
	KT_EXPECT(symcrc_next_export(src, sizeof(src) - 1, &pos, name,
				     sizeof(name)) == 1);
	KT_EXPECT(!strcmp(name, "fake"));
	KT_EXPECT(symcrc_next_export(src, sizeof(src) - 1, &pos, name,
				     sizeof(name)) == 0);
}

KTEST(output_too_small)
{
	char small[8];

	KT_EXPECT(symcrc_declaration(src, sizeof(src) - 1, "kmalloc", small,
				     sizeof(small)) == -ENAMETOOLONG);
}

int main(void)
{
	return ktest_main();
}
