# memory pressure: every insmod step that fails says which and why,
# and nothing is lost. Memory is filled, then freed a page at a time.
# (Looking the symbols up on the control file and writing the symbol
# table take no memory for a module as small as hello: reading the file
# (a two-page buffer), the directory and the map fail in turn, and the
# fourth page freed loads it: its relocated image and the symbols'
# addresses are two small kmalloc objects, which find room in slabs
# already there; the fifth and sixth insmod find hello loaded.)
memdiff save
cp /etc/motd /tmp/m1
cp /etc/motd /tmp/m2
cp /etc/motd /tmp/m3
cp /etc/motd /tmp/m4
cp /etc/motd /tmp/m5
cp /etc/motd /tmp/m6
cat /dev/zero > /tmp/fill
insmod /lib/modules/hello.ko
rm /tmp/m1
insmod /lib/modules/hello.ko
rm /tmp/m2
insmod /lib/modules/hello.ko
rm /tmp/m3
insmod /lib/modules/hello.ko
rm /tmp/m4
insmod /lib/modules/hello.ko
rm /tmp/m5
insmod /lib/modules/hello.ko
rm /tmp/m6
insmod /lib/modules/hello.ko
lsmod
# full again: rmmod says why it cannot go on, and goes on once memory is back
cat /dev/zero > /tmp/fill2
rmmod hello
rm /tmp/fill2
rmmod hello
rm /tmp/fill
memdiff
