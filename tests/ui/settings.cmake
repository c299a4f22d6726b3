# The settings dialog (included from tests/ui/CMakeLists.txt).
paytriage_add_test(NAME tst_settingsdialog SOURCES tst_settingsdialog.cpp LINK paytriage_ui_settings GUI)
