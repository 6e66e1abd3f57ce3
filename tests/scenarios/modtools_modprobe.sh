# modprobe loads what a module needs first (crcsum needs crc32, from modules.dep), skips what is loaded, and -r removes the module and then its unused dependencies; crcsum's checksum of /etc/motd equals the host's: python3 -c "import zlib; print(hex(zlib.crc32(open('ramdisk/etc/motd','rb').read())))" gives 0x6a158037, 141 bytes
memdiff save
modprobe -v crcsum
lsmod
cat /etc/motd > /proc/crcsum
cat /proc/crcsum
modprobe -v crcsum
modprobe -r -v crcsum
lsmod
# a module in use is not removed: nothing is
modprobe libuser
modprobe -r libdemo
echo $?
modprobe -r -v libuser
lsmod
# errors: nothing loaded
modprobe nope
echo $?
mkdir /tmp/cyc
cp /extra/dm_cyc_a.ko /extra/dm_cyc_b.ko /tmp/cyc
echo "dm_cyc_a.ko: dm_cyc_b.ko" > /tmp/cyc/modules.dep
echo "dm_cyc_b.ko: dm_cyc_a.ko" >> /tmp/cyc/modules.dep
modprobe -d /tmp/cyc dm_cyc_a
echo $?
echo "dm_user.ko: dm_lib.ko" > /tmp/cyc/modules.dep
modprobe -d /tmp/cyc dm_user
echo $?
lsmod
# by alias: pci_edu (tests/linux) has a PCI id table, which modpost turned into an alias
mkdir /tmp/pci
cp /extra/pci_edu.ko /extra/dm_lib.ko /tmp/pci
depmod /tmp/pci
cat /tmp/pci/modules.alias
modinfo /tmp/pci/pci_edu.ko
coldplug -v -n -d /tmp/pci
modprobe -v -d /tmp/pci pci:v00001234d000011E8sv00001AF4sd00001100bc00scFFi00
lsmod
modprobe -r -v -d /tmp/pci pci_edu
modprobe -d /tmp/pci pci:v00001234d00009999sv00001AF4sd00001100bc00scFFi00
coldplug -d /tmp/pci
lsmod
rmmod pci_edu
rm /tmp/cyc/dm_cyc_a.ko /tmp/cyc/dm_cyc_b.ko /tmp/cyc/modules.dep /tmp/pci/pci_edu.ko /tmp/pci/dm_lib.ko /tmp/pci/modules.dep /tmp/pci/modules.alias
rmdir /tmp/cyc /tmp/pci
memdiff
