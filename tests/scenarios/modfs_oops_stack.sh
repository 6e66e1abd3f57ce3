# hx_recurse's init recurses until the kernel stack runs into its guard page: the double fault is an oops naming the function, insmod fails, the shell lives on
memdiff save
insmod /lib/modules/hx_recurse.ko
echo alive
lsmod
rmmod -f hx_recurse
memdiff
