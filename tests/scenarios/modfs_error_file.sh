# /mod/NAME/error: the last failed command as data (errno and reason lines),
# empty while nothing failed; control commands parsed as words.
memdiff save
mkdir /mod/x
cat /mod/x/error
echo " map module" > /mod/x/control
cat /mod/x/error
echo "map  module  extra" > /mod/x/control
cat /mod/x/error
echo "frob module" > /mod/x/control
cat /mod/x/error
echo "map  modul" > /mod/x/control
cat /mod/x/error
echo "use" > /mod/x/control
cat /mod/x/status
rmdir /mod/x
# an init returning INT_MIN is a failure (EINVAL), not "Success"
insmod /extra/badret.ko
echo $?
ls /mod
insmod /lib/modules/initfail.ko
memdiff
