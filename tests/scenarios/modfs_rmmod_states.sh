# rmmod takes a module down from any state, and says why when it cannot
memdiff save
mkdir /mod/empty
rmmod -v empty
mkdir /mod/half
cp /lib/modules/hello.ko /mod/half/module
echo "map module" > /mod/half/control
cat /mod/half/status
rmmod -v half
insmod /lib/modules/noexit.ko
rmmod noexit
cat /mod/noexit/status
insmod /lib/modules/hello.ko
# a live image is read-only; rmmod from inside the directory changes nothing
echo abc > /mod/hello/module
cd /mod/hello
rmmod hello
cd /
echo "exit module" > /mod/hello/control
# exited (mapped): no longer in Linux's list; init cannot run again
cat /proc/modules
echo "init module" > /mod/hello/control
rmmod -v hello
rmmod ../tmp
insmod /dev/zero
insmod /lib/modules/leaky.ko
ls /dev
rmmod leaky
ls /dev
cat /dev/leaky
mkdir /mod/hello
insmod /lib/modules/hello.ko
rmdir /mod/hello
lsmod extra
ls /mod
# noexit stays loaded for good: its image page and vmalloc range, and
# a slab page for its symbol table (kmalloc'd by /mod/noexit/symbols) or
# the slice of the kernel's page-to-module table (kernel/module.c) that
# holds its page (a slab with room left needs no new page)
cat /proc/modules
memdiff
