"""The app's screens: the reading screen and the modal dialogs it pushes."""
