# the record keeps its image file's inode (map and unmap find it there):
# once `module` is unlinked map is refused; a `module` made again (by a
# truncate, O_CREAT) is the one map takes, and the one rmdir unmaps
memdiff save
mkdir /mod/hello
rm /mod/hello/module
echo map module > /mod/hello/control
cat /mod/hello/error
truncate -s 456 /mod/hello/module
echo map module > /mod/hello/control
modreloc /lib/modules/hello.ko /mod/hello /tmp/v.img
cp /tmp/v.img /mod/hello/module
echo init module > /mod/hello/control
cat /mod/hello/status
echo exit module > /mod/hello/control
rm /mod/hello/module
echo unmap module > /mod/hello/control
rm /mod/hello/module
truncate -s 456 /mod/hello/module
echo map module > /mod/hello/control
rmdir /mod/hello
ls /mod
rm /tmp/v.img
memdiff
