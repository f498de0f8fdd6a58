import CNcurses
import DashboardKit
