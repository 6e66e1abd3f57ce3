# lx_hello: only <linux/module.h>, <linux/init.h>, <linux/kernel.h>: module_init/exit, MODULE_* tags, pr_info
memdiff save
insmod /extra/lx_hello.ko
lsmod
modinfo /extra/lx_hello.ko
rmmod lx_hello
memdiff
