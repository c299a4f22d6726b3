# The raw JSON pane (included from tests/ui/CMakeLists.txt).
paytriage_add_test(NAME tst_jsontextview SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_jsontextview.cpp LINK paytriage_ui_jsonview)
