# insmod --init=split (Richter's design, docs/modfs.md "Init strategies"): the init part is an image of its own, /mod/NAME/init, mapped apart from the core and removed after init
memdiff save
insmod -v --init=split /lib/modules/bigtable.ko
# the init image is gone (no init file, status says discarded), its 16 KiB sieve freed, and the core works
ls /mod/bigtable
cat /mod/bigtable/status
cat /proc/bigtable
rmmod bigtable
# the protocol by hand: map init needs the init file, comes after map module and before init module
mkdir /mod/demo
echo "map init" > /mod/demo/control
cp /lib/modules/hello.ko /mod/demo/init
echo "map init" > /mod/demo/control
cp /lib/modules/hello.ko /mod/demo/module
echo "map module" > /mod/demo/control
echo "map init" > /mod/demo/control
cat /mod/demo/status
echo "map init" > /mod/demo/control
rm /mod/demo/init
echo "unmap init" > /mod/demo/control
echo "unmap init" > /mod/demo/control
rmdir /mod/demo
# an init that fails under split loses nothing: both images go
insmod -v --init=split /lib/modules/initfail.ko
ls /mod
# a fault in init code that lives in the init image: the oops names the function and the module
insmod --init=split /lib/modules/hx_oops.ko
cat /mod/hx_oops/status
rmmod -f hx_oops
# a core reference to init is still refused, naming both symbols
insmod --init=split /extra/bad_coreinit.ko
ls /mod
# a strategy that does not exist: insmod names the option and the three there are
insmod --init=bogus /lib/modules/hello.ko
echo $?
memdiff
