# the control file by hand: every command only in its state, errors told
memdiff save
mkdir /mod/demo
ls /mod/demo
mkdir /mod/demo
echo "init module" > /mod/demo/control
echo "map module" > /mod/demo/control
cat /mod/demo/status
echo "bogus" > /mod/demo/control
echo "map nothing" > /mod/demo/control
cp /lib/modules/hello.ko /mod/demo/module
echo "map module" > /mod/demo/control
echo "init module" > /mod/demo/control
cat /mod/demo/status
echo "unmap module" > /mod/demo/control
rmdir /mod/demo
ls /mod
memdiff
