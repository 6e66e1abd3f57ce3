/*
 * greet: lab 01's starting file. Make it greet WHOM, TIMES times, where
 * both are module parameters (labs/01-param/README.md says exactly what
 * to print and what the grader checks).
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/moduleparam.h>

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Lab 01: greets someone, a number of times");

/* TODO: two parameters, readable by everyone (0444):
 *   whom  (charp) default "world"
 *   times (int)   default 1, must be 1..10
 */

static int __init greet_init(void)
{
	/* TODO: check times, then greet as the README says */
	pr_info("greet: Hello, world (1 of 1)\n");
	return 0;
}

static void __exit greet_exit(void)
{
	pr_info("greet: Goodbye, world\n");
}

module_init(greet_init);
module_exit(greet_exit);
