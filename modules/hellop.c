/*
 * hellop: hello world with parameters, as Linux Device Drivers (chapter 2)
 * teaches them: `insmod hellop.ko howmany=3 whom="Mom and Dad"` greets
 * three times. Its parameters are readable in /mod/hellop/parameters/.
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/moduleparam.h>

MODULE_LICENSE("Dual BSD/GPL");
MODULE_AUTHOR("The Tessera authors");
MODULE_DESCRIPTION("Greets someone, a number of times");

static char *whom = "world";
static int howmany = 1;
module_param(howmany, int, S_IRUGO);
MODULE_PARM_DESC(howmany, "How many times to greet");
module_param(whom, charp, S_IRUGO);
MODULE_PARM_DESC(whom, "Whom to greet");

static int __init hellop_init(void)
{
	int i;

	for (i = 0; i < howmany; i++)
		printk(KERN_ALERT "(%d) Hello, %s\n", i, whom);
	return 0;
}

static void __exit hellop_exit(void)
{
	printk(KERN_ALERT "Goodbye, %s\n", whom);
}

module_init(hellop_init);
module_exit(hellop_exit);
