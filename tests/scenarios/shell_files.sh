# file commands: > and >>, cat, ls and ls -l modes, cp, mv, stat, rm, rmdir, cd and pwd
cd /tmp
pwd
mkdir d
echo one > d/f
echo two >> d/f
cat d/f
echo three>d/f2;cat d/f2
ls d
ls -l d
cp d/f d/g
cat d/g
mv d/g d/h
ls d
cp d/f d/f2 /tmp
ls /tmp
stat d/f
stat /tmp/d
stat /dev/null
ls -l /tmp/d/f /tmp/d
> d/empty
ls -l d/empty
ls -l /dev /proc/uptime
mkdir /mod/lsdemo
ls -l /mod/lsdemo
rmdir /mod/lsdemo
rm d/f d/f2 d/h d/empty /tmp/f /tmp/f2
rmdir d
ls /tmp
cd
pwd
cd /tmp
cd ..
pwd
