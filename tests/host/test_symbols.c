/*
 * Host tests of loader/symbols.c, the table insmod writes to
 * /mod/NAME/symbols: for the real build/modules/hello.ko, exactly the lines
 * nm shows for its functions and objects, at their image offsets; the
 * snprintf-like length and truncation.
 */
// sources: loader/symbols.c loader/elf.c loader/reloc.c tools/hostfile.c build/modules/hello.ko
#include <stdlib.h>
#include <string.h>
#include "loader/elf.h"
#include "tools/hostfile.h"
#include "tests/host/ktest.h"

static uint8_t *ko;
static size_t ko_len;
static struct modelf m;

static void load_ko(void)
{
	ko = host_read_file("build/modules/hello.ko", &ko_len);
	if (ko_len && modelf_parse(ko, ko_len, &m))
		ko_len = 0;
}

KTEST(hello_symbols_are_its_functions_and_objects)
{
	char buf[1024];
	uint32_t n;

	KT_EXPECT(ko_len > 0);
	if (!ko_len)
		return;
	KT_EXPECT(modelf_symbols_format(&m, buf, sizeof(buf), &n) == strlen(buf));
	KT_EXPECT(n == 13);
	KT_EXPECT(strstr(buf, "00000000 80 D __this_module\n") != NULL);
	KT_EXPECT(strstr(buf, "00000080 16 t hello_exit\n") != NULL);
	KT_EXPECT(strstr(buf, "00000080 16 T cleanup_module\n") != NULL);
	/* init-part symbols: their image offsets, past the core (0x1b0) */
	KT_EXPECT(strstr(buf, "000001b0 18 t hello_init\n") != NULL);
	KT_EXPECT(strstr(buf, "000001b0 18 T init_module\n") != NULL);
	/* modpost's .modinfo strings (tools/modpost.c) */
	KT_EXPECT(strstr(buf, "00000160 3a d __module_vermagic\n") != NULL);
	KT_EXPECT(strstr(buf, "0000019a 9 d __module_intree\n") != NULL);
	KT_EXPECT(strstr(buf, "000001a3 9 d __module_depends\n") != NULL);
	/* sizeless markers (__module_start, __core_end) and the import are not listed */
	KT_EXPECT(strstr(buf, "__module_start") == NULL);
	KT_EXPECT(strstr(buf, "printk") == NULL);
}

KTEST(symbols_length_and_truncation_like_snprintf)
{
	char full[1024], small[16];
	uint32_t n1, n2;
	size_t len;

	if (!ko_len)
		return;
	len = modelf_symbols_format(&m, full, sizeof(full), &n1);
	KT_EXPECT(modelf_symbols_format(&m, NULL, 0, &n2) == len);
	KT_EXPECT(n1 == n2);
	KT_EXPECT(modelf_symbols_format(&m, small, sizeof(small), &n2) == len);
	KT_EXPECT(strlen(small) == sizeof(small) - 1);
	KT_EXPECT(!strncmp(small, full, sizeof(small) - 1));
}

int main(void)
{
	load_ko();
	return ktest_main();
}
