/*
 * paramdemo: one module parameter of every kind, for the parameter tests
 * (tests/scenarios/modfs_params*): each scalar type, bool and invbool, a
 * charp, a fixed string, arrays with and without a count, a charp array,
 * a parameter under another name, and the permissions that decide its
 * file: writable, read-only, write-only, and 0 (no file). init and exit
 * print every value.
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/moduleparam.h>

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Every kind of module parameter");
MODULE_ALIAS("params-demo");

static unsigned char b = 1;
static short s = -2;
static unsigned short us = 3;
static int count = 4;
static unsigned int u = 5;
static long l = -6;
static unsigned long ul = 7;
static bool verbose;
static bool quiet = true;		/* invbool: shown as N */
static char *name = "demo";
static char label[8] = "lbl";
static int arr[4] = { 10, 20 };
static int arr_count = 2;
static unsigned short ports[3] = { 80, 443, 8080 };
static char *names[2] = { "x", "y" };
static int internal_level = 1;
static int hidden = 9;
static int secret = 11;

module_param(b, byte, 0644);
module_param(s, short, 0444);
module_param(us, ushort, 0444);
module_param(count, int, 0644);
MODULE_PARM_DESC(count, "How many things");
module_param(u, uint, 0444);
module_param(l, long, 0444);
module_param(ul, ulong, 0444);
module_param(verbose, bool, 0644);
MODULE_PARM_DESC(verbose, "Say more");
module_param(quiet, invbool, 0444);
module_param(name, charp, 0644);
MODULE_PARM_DESC(name, "A name the kernel keeps");
module_param_string(label, label, sizeof(label), 0644);
MODULE_PARM_DESC(label, "At most 7 characters");
module_param_array(arr, int, &arr_count, 0644);
MODULE_PARM_DESC(arr, "Up to 4 numbers");
module_param_array(ports, ushort, NULL, 0444);
module_param_array(names, charp, NULL, 0444);
module_param_named(level, internal_level, int, 0644);
module_param(hidden, int, 0);
module_param(secret, int, 0200);

static void show(const char *when)
{
	pr_info("paramdemo: %s: b=%u s=%d us=%u count=%d u=%u l=%ld ul=%lu\n", when,
		b, s, us, count, u, l, ul);
	pr_info("paramdemo: %s: verbose=%d quiet=%d name=%s label=%s level=%d "
		"hidden=%d secret=%d\n", when, verbose, quiet, name, label,
		internal_level, hidden, secret);
	pr_info("paramdemo: %s: arr(%d)=%d,%d,%d,%d ports=%u,%u,%u names=%s,%s\n",
		when, arr_count, arr[0], arr[1], arr[2], arr[3], ports[0], ports[1],
		ports[2], names[0], names[1]);
}

static int __init paramdemo_init(void)
{
	show("init");
	return 0;
}

static void __exit paramdemo_exit(void)
{
	show("exit");
}

module_init(paramdemo_init);
module_exit(paramdemo_exit);
