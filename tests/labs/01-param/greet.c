/*
 * greet: the reference solution of lab 01 (labs/01-param): greets WHOM,
 * TIMES times; both are module parameters, TIMES checked to be 1..10.
 * tests/boot/labs.py grades it and must see every check pass.
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/moduleparam.h>

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Lab 01: greets someone, a number of times");

static char *whom = "world";
module_param(whom, charp, 0444);
MODULE_PARM_DESC(whom, "Whom to greet");

static int times = 1;
module_param(times, int, 0444);
MODULE_PARM_DESC(times, "How many times to greet, 1..10");

static int __init greet_init(void)
{
	int i;

	if (times < 1 || times > 10) {
		pr_err("greet: times=%d is out of range 1..10\n", times);
		return -EINVAL;
	}
	for (i = 1; i <= times; i++)
		pr_info("greet: Hello, %s (%d of %d)\n", whom, i, times);
	return 0;
}

static void __exit greet_exit(void)
{
	pr_info("greet: Goodbye, %s\n", whom);
}

module_init(greet_init);
module_exit(greet_exit);
