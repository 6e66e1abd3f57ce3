# init refuses an image whose header names another module than its
# directory (a prefix, a longer name, one letter); the image file of a
# mapped module reads as zeros before it is written, and past its old end
# after it grows; nothing is left behind
memdiff save
mkdir /mod/hello
truncate -s 456 /mod/hello/module
echo map module > /mod/hello/control
hexdump /mod/hello/module
modreloc /lib/modules/hello.ko /mod/hello /tmp/v.img
mkdir /mod/hell
truncate -s 456 /mod/hell/module
echo map module > /mod/hell/control
cp /tmp/v.img /mod/hell/module
echo init module > /mod/hell/control
cat /mod/hell/error
echo unmap module > /mod/hell/control
truncate -s 4096 /mod/hell/module
hexdump -s 448 /mod/hell/module
rmdir /mod/hell
mkdir /mod/helloo
truncate -s 456 /mod/helloo/module
echo map module > /mod/helloo/control
cp /tmp/v.img /mod/helloo/module
echo init module > /mod/helloo/control
cat /mod/helloo/error
echo unmap module > /mod/helloo/control
rmdir /mod/helloo
mkdir /mod/h
truncate -s 456 /mod/h/module
echo map module > /mod/h/control
cp /tmp/v.img /mod/h/module
echo init module > /mod/h/control
cat /mod/h/error
echo unmap module > /mod/h/control
rmdir /mod/h
cp /tmp/v.img /mod/hello/module
echo init module > /mod/hello/control
echo exit module > /mod/hello/control
echo unmap module > /mod/hello/control
rmdir /mod/hello
rm /tmp/v.img
memdiff
