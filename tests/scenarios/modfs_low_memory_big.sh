# memory pressure on a larger module (bigcode: a 26 KB image in 7 pages, its
# relocated image and the symbols' addresses in one buffer of 8 pages,
# kmalloc'd or else vmalloc'd): memory is filled,
# twenty pages are given back, then one at a time; each insmod that fails
# says which step found no memory (reading the file, the directory, the map,
# the relocated image, ...), and nothing is lost (memdiff +0 at the end)
memdiff save
cp /etc/motd /tmp/m1
cp /etc/motd /tmp/m2
cp /etc/motd /tmp/m3
cp /etc/motd /tmp/m4
cp /etc/motd /tmp/m5
cp /etc/motd /tmp/m6
cp /etc/motd /tmp/m7
cp /etc/motd /tmp/m8
cp /etc/motd /tmp/m9
cp /etc/motd /tmp/m10
cp /etc/motd /tmp/m11
cp /etc/motd /tmp/m12
cp /etc/motd /tmp/m13
cp /etc/motd /tmp/m14
cp /etc/motd /tmp/m15
cp /etc/motd /tmp/m16
cp /etc/motd /tmp/m17
cp /etc/motd /tmp/m18
cp /etc/motd /tmp/m19
cp /etc/motd /tmp/m20
cp /etc/motd /tmp/m21
cp /etc/motd /tmp/m22
cp /etc/motd /tmp/m23
cp /etc/motd /tmp/m24
cp /etc/motd /tmp/m25
cp /etc/motd /tmp/m26
cp /etc/motd /tmp/m27
cp /etc/motd /tmp/m28
cp /etc/motd /tmp/m29
cp /etc/motd /tmp/m30
cp /etc/motd /tmp/m31
cp /etc/motd /tmp/m32
cp /etc/motd /tmp/m33
cp /etc/motd /tmp/m34
cp /etc/motd /tmp/m35
cp /etc/motd /tmp/m36
cp /etc/motd /tmp/m37
cp /etc/motd /tmp/m38
cp /etc/motd /tmp/m39
cp /etc/motd /tmp/m40
cp /etc/motd /tmp/m41
cp /etc/motd /tmp/m42
cp /etc/motd /tmp/m43
cp /etc/motd /tmp/m44
cp /etc/motd /tmp/m45
cp /etc/motd /tmp/m46
cp /etc/motd /tmp/m47
cp /etc/motd /tmp/m48
cat /dev/zero > /tmp/fill
rm /tmp/m1
rm /tmp/m2
rm /tmp/m3
rm /tmp/m4
rm /tmp/m5
rm /tmp/m6
rm /tmp/m7
rm /tmp/m8
rm /tmp/m9
rm /tmp/m10
rm /tmp/m11
rm /tmp/m12
rm /tmp/m13
rm /tmp/m14
rm /tmp/m15
rm /tmp/m16
rm /tmp/m17
rm /tmp/m18
rm /tmp/m19
rm /tmp/m20
insmod /lib/modules/bigcode.ko
rm /tmp/m21
insmod /lib/modules/bigcode.ko
rm /tmp/m22
insmod /lib/modules/bigcode.ko
rm /tmp/m23
insmod /lib/modules/bigcode.ko
rm /tmp/m24
insmod /lib/modules/bigcode.ko
rm /tmp/m25
insmod /lib/modules/bigcode.ko
rm /tmp/m26
insmod /lib/modules/bigcode.ko
rm /tmp/m27
insmod /lib/modules/bigcode.ko
rm /tmp/m28
insmod /lib/modules/bigcode.ko
rm /tmp/m29
insmod /lib/modules/bigcode.ko
rm /tmp/m30
insmod /lib/modules/bigcode.ko
rm /tmp/m31
insmod /lib/modules/bigcode.ko
rm /tmp/m32
insmod /lib/modules/bigcode.ko
rm /tmp/m33
insmod /lib/modules/bigcode.ko
rm /tmp/m34
insmod /lib/modules/bigcode.ko
rm /tmp/m35
insmod /lib/modules/bigcode.ko
rm /tmp/m36
insmod /lib/modules/bigcode.ko
rm /tmp/m37
insmod /lib/modules/bigcode.ko
rm /tmp/m38
insmod /lib/modules/bigcode.ko
rm /tmp/m39
insmod /lib/modules/bigcode.ko
rm /tmp/m40
insmod /lib/modules/bigcode.ko
rm /tmp/m41
insmod /lib/modules/bigcode.ko
rm /tmp/m42
insmod /lib/modules/bigcode.ko
rm /tmp/m43
insmod /lib/modules/bigcode.ko
rm /tmp/m44
insmod /lib/modules/bigcode.ko
rm /tmp/m45
insmod /lib/modules/bigcode.ko
rm /tmp/m46
insmod /lib/modules/bigcode.ko
rm /tmp/m47
insmod /lib/modules/bigcode.ko
rm /tmp/m48
lsmod
rmmod bigcode
rm /tmp/fill
memdiff
