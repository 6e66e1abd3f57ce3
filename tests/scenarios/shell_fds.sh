open /etc/motd
open /etc/motd
close 3
open /dev/null
close 3
close 4
close 3
echo $?
