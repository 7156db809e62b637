# placeholder, completed by the install step
